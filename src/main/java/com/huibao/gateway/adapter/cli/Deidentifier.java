package com.huibao.gateway.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.crypto.PiiProtector;
import java.util.List;

/**
 * De-identification for the pricing lab, applied to each settlement document as it is read, before anything is
 * kept or written: the identity number ({@code certno}, {@code cert_no}, {@code mdtrt_cert_no}) and the basic
 * insurance's person number ({@code psn_no}) become the gateway's keyed SM3 pseudonym of the person; the name and
 * free text ({@code psn_name}, {@code diag_name}, {@code memo}, {@code exp_content}) are dropped.
 */
final class Deidentifier {
    private static final List<String> IDENTITIES = List.of("certno", "cert_no", "mdtrt_cert_no", "psn_no");
    private static final List<String> FREE_TEXT = List.of("psn_name", "diag_name", "memo", "exp_content");

    private final byte[] hmacKey;

    Deidentifier(byte[] hmacKey) {
        this.hmacKey = hmacKey.clone();
    }

    /** The pseudonym of an identity, as the members file is keyed. */
    String person(String certType, String certno) {
        return PiiProtector.personKey(hmacKey, certType == null || certType.isBlank() ? "01" : certType, certno);
    }

    /** De-identifies {@code doc} in place; its person's pseudonym, or null when it names nobody. */
    String apply(ObjectNode doc) {
        JsonNode h = doc.get("setlinfo");
        if (!(h instanceof ObjectNode header)) {
            return null;
        }
        String certno = header.hasNonNull("certno")
                ? header.get("certno").asText()
                : header.hasNonNull("cert_no") ? header.get("cert_no").asText() : null;
        String person = certno == null || certno.isBlank()
                ? null
                : person(header.path("psn_cert_type").asText(null), certno);
        scrub(doc, person);
        return person;
    }

    private static void scrub(JsonNode node, String person) {
        if (node instanceof ObjectNode o) {
            for (String f : IDENTITIES) {
                if (o.has(f)) {
                    if (person == null) {
                        o.remove(f);
                    } else {
                        o.put(f, person);
                    }
                }
            }
            o.remove(FREE_TEXT);
            o.forEach(child -> scrub(child, person));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> scrub(child, person));
        }
    }
}
