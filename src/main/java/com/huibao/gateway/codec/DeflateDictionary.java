package com.huibao.gateway.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;

/**
 * Preset dictionaries for the texts the gateway keeps deflated (issue 28): a small document deflates far better when
 * the compressor may refer back to a typical one — the field names, the key order, the reason texts — instead of
 * spelling each out once. The zlib stream names its dictionary by Adler-32, so a reader finds the right one, and text
 * deflated without one (before) still reads.
 *
 * <p>A dictionary is part of every row written with it: <b>never change one</b>; add the next (…-2) and write with it
 * instead. Each is checked against its Adler-32 when loaded, so an edited file stops the gateway rather than
 * silently making stored rows unreadable.
 */
public enum DeflateDictionary {
    /**
     * Settlements as received: a masked national bundle (2304, inpatient, with its fee lines) followed by the worked
     * flat inpatient settlement, both from the shared examples.
     */
    SETTLEMENT_1("/deflate/settlement-1.json", 0xbe28a0d2),
    /** The gateway's own answers, adjudications and events: the worked example's preview answer. */
    ANSWER_1("/deflate/answer-1.json", 0x4b121ec5);

    private final byte[] bytes;
    private final int adler;

    DeflateDictionary(String resource, int adler) {
        try (InputStream in = DeflateDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("deflate dictionary " + resource + " is missing");
            }
            this.bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Adler32 sum = new Adler32();
        sum.update(bytes);
        if ((int) sum.getValue() != adler) {
            throw new IllegalStateException("deflate dictionary " + resource
                    + " was changed: rows written with it would no longer read; restore it and add a new one");
        }
        this.adler = adler;
    }

    /** The dictionary's bytes, shared: the zlib calls copy what they need and never write to them. */
    byte[] shared() {
        return bytes;
    }

    /** The Adler-32 a zlib stream names its dictionary by. */
    public int adler() {
        return adler;
    }

    /** The dictionary a stream asks for, or null when this gateway has none of that checksum. */
    static DeflateDictionary byAdler(int adler) {
        for (DeflateDictionary d : values()) {
            if (d.adler == adler) {
                return d;
            }
        }
        return null;
    }
}
