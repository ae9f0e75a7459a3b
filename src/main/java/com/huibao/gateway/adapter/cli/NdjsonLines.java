package com.huibao.gateway.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON stream as bytes, never decoded to characters: JSON is parsed straight from UTF-8, so
 * decoding each line into a {@code String} first (and encoding it back) was work for nothing. A line ends at
 * {@code \n}; a {@code \r} before it is dropped.
 */
final class NdjsonLines {
    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int start;
    private int end;
    private boolean eof;

    NdjsonLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its end, or null at the end of the stream. */
    byte[] next() throws IOException {
        int known = 0; // bytes after start already seen to hold no line end
        while (true) {
            for (int i = start + known; i < end; i++) {
                if (buf[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(buf, start, i > start && buf[i - 1] == '\r' ? i - 1 : i);
                    start = i + 1;
                    return line;
                }
            }
            known = end - start;
            if (eof) {
                if (start == end) {
                    return null;
                }
                byte[] last = Arrays.copyOfRange(buf, start, end);
                start = end;
                return last;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        int unread = end - start;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, unread);
            start = 0;
            end = unread;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }
}
