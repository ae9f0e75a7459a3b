package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.util.List;
import java.util.Locale;

/**
 * RFC 9457 problem documents. {@code type} is a stable URI per {@code code}; {@code errors} lists every offending
 * field; {@code field} repeats the first one for clients that show a single message.
 */
public final class ProblemJson {
    public static final String TYPE_BASE = "https://huibao.dev/problems/";

    private ProblemJson() {}

    public static ObjectNode of(int status, String code, String title, String detail) {
        ObjectNode o = Json.object();
        o.put("type", TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("title", title);
        o.put("status", status);
        o.put("code", code);
        if (detail != null) {
            o.put("detail", detail);
        }
        return o;
    }

    public static ObjectNode of(int status, String code, String title, List<Violation> violations) {
        ObjectNode o = of(
                status,
                code,
                title,
                violations.isEmpty() ? null : violations.get(0).detail());
        if (!violations.isEmpty()) {
            o.put("field", violations.get(0).field());
        }
        ArrayNode errors = o.putArray("errors");
        for (Violation v : violations) {
            ObjectNode e = errors.addObject();
            e.put("field", v.field());
            e.put("code", v.code());
            e.put("detail", v.detail());
        }
        return o;
    }

    /** 400 for an unreadable document, 422 for a readable one that breaks a rule. */
    public static ObjectNode of(InvalidDocumentException e, String what) {
        return e.kind() == InvalidDocumentException.Kind.MALFORMED
                ? of(400, "MALFORMED_" + what, "The " + what.toLowerCase(Locale.ROOT) + " is malformed", e.violations())
                : of(422, "INVALID_" + what, "The " + what.toLowerCase(Locale.ROOT) + " breaks a rule", e.violations());
    }
}
