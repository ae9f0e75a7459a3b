package com.huibao.gateway.app.port;

import java.util.UUID;

/**
 * Where new ids come from, so that use cases mint none themselves and tests can fix them (as they fix the clock).
 */
public interface IdSource {
    UUID uuid();

    /** A claim id: {@code CLM-} and a UUID. */
    default String claimId() {
        return "CLM-" + uuid();
    }

    /** Random UUIDs (version 4). */
    static IdSource random() {
        return UUID::randomUUID;
    }
}
