package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads policy documents (elements of {@code policies.json}): one object or an array. */
public final class PolicyJson {
    private PolicyJson() {}

    public static List<Policy> readAll(JsonNode doc) {
        Fields f = new Fields();
        List<Policy> out = new ArrayList<>();
        if (doc.isArray()) {
            for (int i = 0; i < doc.size(); i++) {
                out.add(policy(f, doc.get(i), "[" + i + "]."));
            }
        } else {
            out.add(policy(f, doc, ""));
        }
        if (!f.ok()) {
            throw InvalidDocumentException.malformed(f.violations);
        }
        return out;
    }

    static Policy policy(Fields f, JsonNode p, String at) {
        if (!p.isObject()) {
            f.add(at.isEmpty() ? "" : at.substring(0, at.length() - 1), "INVALID_TYPE", "a policy must be an object");
            return null;
        }
        // claim_free_years is the former name of claim_free_editions (the same count)
        String claimFree =
                p.has("claim_free_editions") || !p.has("claim_free_years") ? "claim_free_editions" : "claim_free_years";
        Policy policy = new Policy(
                f.text(p, "policy_no", at + "policy_no", true),
                f.text(p, "plan_id", at + "plan_id", true),
                f.text(p, "insurer_id", at + "insurer_id", true),
                f.text(p, "psn_cert_type", at + "psn_cert_type", true),
                f.text(p, "certno", at + "certno", true),
                f.date(p, "effective_from", at + "effective_from", true),
                f.date(p, "effective_to", at + "effective_to", true),
                f.strings(p, "preexisting_conditions", at + "preexisting_conditions", List.of()),
                f.text(p, "edition", at + "edition", false),
                deductibles(f, p.get("deductibles"), at + "deductibles."),
                f.integer(p, claimFree, at + claimFree, false),
                f.optionalBool(p, "preexisting", at + "preexisting"));
        if (policy.effectiveFrom() != null
                && policy.effectiveTo() != null
                && !policy.effectiveFrom().isBefore(policy.effectiveTo())) {
            f.add(at + "effective_to", "EMPTY_PERIOD", "effective_to must be after effective_from");
        }
        if (policy.claimFreeEditions() != null && policy.claimFreeEditions() < 0) {
            f.add(at + claimFree, "NEGATIVE", claimFree + " must be ≥ 0");
        }
        return policy;
    }

    private static Map<String, Money> deductibles(Fields f, JsonNode d, String at) {
        Map<String, Money> out = new LinkedHashMap<>();
        if (d == null || d.isNull()) {
            return out;
        }
        if (!d.isObject()) {
            f.add(at, "INVALID_TYPE", "deductibles must be an object: pool id → amount");
            return out;
        }
        d.fieldNames().forEachRemaining(pool -> {
            Money m = f.money(d, pool, at + pool, true);
            if (m != null) {
                out.put(pool, m);
            }
        });
        return out;
    }
}
