package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;

/** Variants of the worked examples' settlements, for tests that need many. */
public final class Settlements {
    private Settlements() {}

    /** The inpatient example under another {@code setl_id}. */
    public static byte[] inpatient(String setlId) {
        return withId("settlement-inpatient-1.json", setlId);
    }

    public static byte[] outpatient(String setlId) {
        return withId("settlement-outpatient-2.json", setlId);
    }

    public static ObjectNode doc(String example, String setlId) {
        ObjectNode doc = (ObjectNode) Examples.json(example);
        ((ObjectNode) doc.get("setlinfo")).put("setl_id", setlId);
        return doc;
    }

    private static byte[] withId(String example, String setlId) {
        return Json.bytes(doc(example, setlId));
    }
}
