package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.DialectsJson;
import com.huibao.gateway.codec.SettlementReader;
import com.huibao.gateway.domain.settlement.Settlement;
import java.nio.file.Path;

/** The settlement reader with the shipped regional profiles of {@code config/profiles}, as the gateway builds it. */
public final class Readers {
    private static final SettlementReader READER = new SettlementReader(DialectsJson.load(Path.of("config/profiles")));

    private Readers() {}

    public static SettlementReader reader() {
        return READER;
    }

    /** A settlement document of either spelling, read without a calling institution. */
    public static Settlement settlement(JsonNode doc) {
        return READER.read(doc, null);
    }
}
