package com.huibao.gateway.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Text kept compact at rest: UTF-8 deflated (zlib format, fastest level), with a preset dictionary for its kind
 * ({@link DeflateDictionary}) where the writer names one. A 20 KB confirmation answer or a 10 KB adjudication deflates
 * about ten to one; PostgreSQL's own compression of a {@code text} column (pglz, on rows above 2 KB) got about four to
 * one and cost the database's CPU instead of the gateway's (docs/PERFORMANCE.md, issue 28). A reader takes text
 * deflated with or without a dictionary.
 */
public final class Deflated {
    private Deflated() {}

    /** {@code text} as UTF-8, deflated with a preset dictionary for its kind (none when null). */
    public static byte[] of(String text, DeflateDictionary dictionary) {
        return of(text.getBytes(StandardCharsets.UTF_8), dictionary);
    }

    /** {@code in}, deflated with a preset dictionary for its kind (none when null). */
    public static byte[] of(byte[] in, DeflateDictionary dictionary) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary.shared());
            }
            deflater.setInput(in);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 4 + 64);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The text deflated into {@code in[0, length)}, refused beyond {@code maxBytes} once inflated.
     *
     * @throws IllegalArgumentException when it is not deflated data, is cut short or inflates beyond the bound
     */
    public static String text(byte[] in, int length, int maxBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in, 0, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, length * 6));
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int k = inflater.inflate(chunk);
                if (k == 0 && inflater.needsDictionary()) {
                    DeflateDictionary d = DeflateDictionary.byAdler(inflater.getAdler());
                    if (d == null) {
                        throw new IllegalArgumentException("stored text was deflated with a dictionary this gateway "
                                + "does not know (Adler-32 " + Integer.toHexString(inflater.getAdler()) + ")");
                    }
                    inflater.setDictionary(d.shared());
                    continue;
                }
                if (k == 0 && inflater.needsInput()) {
                    throw new IllegalArgumentException("stored text is truncated");
                }
                if (out.size() + k > maxBytes) {
                    throw new IllegalArgumentException("stored text inflates beyond " + maxBytes + " bytes");
                }
                out.write(chunk, 0, k);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("stored text is not deflated data", e);
        } finally {
            inflater.end();
        }
    }

    /** As {@link #text(byte[], int, int)} over the whole array. */
    public static String text(byte[] in, int maxBytes) {
        return text(in, in.length, maxBytes);
    }
}
