package com.huibao.gateway.adapter.pg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.policy.Policy;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;

/**
 * Writes plans, list versions, policies and consents, each only if absent (so demo data loads idempotently).
 * Every plan or list write bumps {@code catalog_state.version} in the same transaction.
 */
public final class PgReferenceData {
    private final Pool pool;
    private final PiiProtector pii;

    public PgReferenceData(Pool pool, PiiProtector pii) {
        this.pool = pool;
        this.pii = pii;
    }

    /** Inserts version 1 of a plan if the plan has no version yet; the document is kept as sent. */
    public Future<Boolean> insertPlanIfAbsent(String planId, String insurerId, String document) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                        "INSERT INTO plan_versions (plan_id, version, insurer_id, "
                                + "document) SELECT $1, 1, $2, $3::text::jsonb WHERE NOT EXISTS (SELECT 1 FROM plan_versions WHERE plan_id = $1)")
                .execute(Tuple.of(planId, insurerId, document))
                .compose(r -> r.rowCount() == 0
                        ? Future.succeededFuture(false)
                        : tx.query("UPDATE catalog_state SET version = version + 1 WHERE id = 1")
                                .execute()
                                .map(true)));
    }

    public Future<Boolean> insertListVersionIfAbsent(ListVersion v, String insurerId, String document) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                        "INSERT INTO list_versions (list_id, version, insurer_id, "
                                + "effective_from, effective_to, document) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(v.listId(), v.version(), insurerId, v.effectiveFrom(), v.effectiveTo(), document))
                .compose(r -> r.rowCount() == 0
                        ? Future.succeededFuture(false)
                        : tx.query("UPDATE catalog_state SET version = version + 1 WHERE id = 1")
                                .execute()
                                .map(true)));
    }

    static final String INSERT_POLICY = "INSERT INTO policies (policy_no, insurer_id, plan_id, person_key, "
            + "psn_cert_type, certno_cipher, certno_masked, effective_from, effective_to, preexisting_conditions, edition, "
            + "deductibles, claim_free_editions, preexisting) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13, $14)";

    public Future<Boolean> insertPolicyIfAbsent(Policy p) {
        return pool.preparedQuery(INSERT_POLICY + " ON CONFLICT DO NOTHING")
                .execute(policyRow(p, pii))
                .map(r -> r.rowCount() > 0);
    }

    /** A policy as a row: the person found by keyed HMAC, the identity number only encrypted and masked. */
    static Tuple policyRow(Policy p, PiiProtector pii) {
        return Tuple.tuple()
                .addString(p.policyNo())
                .addString(p.insurerId())
                .addString(p.planId())
                .addString(pii.personKey(p.psnCertType(), p.certno()))
                .addString(p.psnCertType())
                .addString(pii.encrypt(p.certno()))
                .addString(PiiProtector.mask(p.certno()))
                .addLocalDate(p.effectiveFrom())
                .addLocalDate(p.effectiveTo())
                .addArrayOfString(p.preexistingConditions().toArray(String[]::new))
                .addString(p.edition())
                .addString(deductibles(p))
                .addInteger(p.claimFreeEditions())
                .addBoolean(p.preexisting());
    }

    private static String deductibles(Policy p) {
        ObjectNode o = Json.object();
        p.deductibles().forEach((pool, amount) -> o.put(pool, amount.toString()));
        return Json.write(o);
    }

    public Future<Boolean> insertConsentIfAbsent(Consent c, String certType, String certno) {
        return pool.preparedQuery(
                        "INSERT INTO consents (id, person_key, insurer_id, purposes, covers_from, expires_at, "
                                + "granted_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING")
                .execute(Tuple.tuple()
                        .addUUID(c.id())
                        .addString(pii.personKey(certType, certno))
                        .addString(c.insurerId())
                        .addArrayOfString(
                                c.purposes().stream().map(Enum::name).sorted().toArray(String[]::new))
                        .addLocalDate(c.coversFrom())
                        .addOffsetDateTime(c.expiresAt().atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(c.grantedAt().atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(
                                c.revokedAt() == null ? null : c.revokedAt().atOffset(ZoneOffset.UTC)))
                .map(r -> r.rowCount() > 0);
    }
}
