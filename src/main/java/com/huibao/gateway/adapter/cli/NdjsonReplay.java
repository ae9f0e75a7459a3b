package com.huibao.gateway.adapter.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams NDJSON through a per-line function on several threads and writes the answers in input order: lines are
 * read (as bytes) in batches, each batch is answered by a worker into one buffer, and the buffers are written in the
 * order the batches were read. At most {@code 4 × threads} batches are in flight, so memory stays bounded whatever
 * the input's length. Each line's answer depends on that line alone (its accumulators travel on the line or come
 * from the command's file, and nothing chains between lines), so the output is byte for byte that of one thread.
 */
final class NdjsonReplay {
    /** Answers one line (1-based number {@code n}) as the bytes to write, or an empty array to write nothing. */
    @FunctionalInterface
    interface LineAnswer {
        byte[] answer(byte[] line, long n);
    }

    private static final int BATCH = 64;
    private final LineAnswer answer;
    private final int threads;

    NdjsonReplay(LineAnswer answer, int threads) {
        this.answer = answer;
        this.threads = Math.max(1, threads);
    }

    /** Reads every line of {@code in}, writes every answer to {@code out}; returns the number of lines read. */
    long run(InputStream in, OutputStream out) throws IOException {
        NdjsonLines lines = new NdjsonLines(in);
        if (threads == 1) {
            long n = 0;
            byte[] line;
            while ((line = lines.next()) != null) {
                n++;
                out.write(answerOf(line, n));
            }
            return n;
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "replay");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
        long n = 0;
        try {
            while (true) {
                List<byte[]> batch = new ArrayList<>(BATCH);
                byte[] line;
                while (batch.size() < BATCH && (line = lines.next()) != null) {
                    batch.add(line);
                }
                if (batch.isEmpty()) {
                    break;
                }
                long first = n + 1;
                n += batch.size();
                inFlight.add(workers.submit(() -> answers(batch, first)));
                while (inFlight.size() >= 4 * threads) {
                    out.write(await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                out.write(await(inFlight.poll()));
            }
            return n;
        } finally {
            workers.shutdownNow();
        }
    }

    private byte[] answers(List<byte[]> batch, long first) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(batch.size() * 16_384);
        for (int i = 0; i < batch.size(); i++) {
            buf.writeBytes(answerOf(batch.get(i), first + i));
        }
        return buf.toByteArray();
    }

    private byte[] answerOf(byte[] line, long n) {
        return blank(line) ? new byte[0] : answer.answer(line, n);
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] await(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
