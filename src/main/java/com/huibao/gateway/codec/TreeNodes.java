package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;

/**
 * The nodes of the gateway's trees: decimals kept exact, and objects whose member maps start with room for a whole
 * national fee line (40-odd fields) instead of growing to it twice. The room is taken at the first member, so an
 * empty object costs nothing more (docs/PERFORMANCE.md, issue 28).
 */
final class TreeNodes extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    /** Members an object holds before its map grows (a hash map of 64 slots holds 48). */
    private static final int OBJECT_SLOTS = 64;

    TreeNodes() {
        super(true);
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new LinkedHashMap<>(OBJECT_SLOTS));
    }
}
