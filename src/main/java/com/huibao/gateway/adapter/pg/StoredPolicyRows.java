package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.InsurerCatalogStore.StoredPolicy;
import com.huibao.gateway.domain.policy.Policy;
import io.vertx.sqlclient.Row;
import java.util.Arrays;

/**
 * A policy as its insurer and its holder see it, read whole from {@code policies}: every term the engine applies
 * (the policy's own deductibles, its claim-free editions, its pre-existing status), the masked identity number and
 * when it was enrolled. One column list and one mapping for both readers, so that a patient's card shows the
 * deductible that applies to the policy, not the plan's default.
 */
final class StoredPolicyRows {
    /** The columns {@link #of(Row)} reads, in its order. */
    static final String COLUMNS = "policy_no, plan_id, insurer_id, psn_cert_type, certno_masked, effective_from, "
            + "effective_to, preexisting_conditions, edition, deductibles::text, claim_free_editions, created_at, "
            + "person_key, preexisting";

    private StoredPolicyRows() {}

    static StoredPolicy of(Row r) {
        Policy p = new Policy(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                null,
                r.getLocalDate(5),
                r.getLocalDate(6),
                Arrays.asList(r.getArrayOfStrings(7)),
                r.getString(8),
                PgPolicyStore.deductibles(r.getString(9)),
                r.getInteger(10),
                r.getBoolean(13));
        return new StoredPolicy(p, r.getString(4), r.getOffsetDateTime(11).toInstant(), r.getString(12));
    }
}
