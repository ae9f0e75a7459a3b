package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans, list versions and policies as insurers publish them. Every plan or list write bumps
 * {@code catalog_state.version} in its transaction and invalidates this instance's catalog cache.
 */
public final class PgInsurerCatalogStore implements InsurerCatalogStore {
    private final Pool pool;
    private final PiiProtector pii;
    private final PgCatalogStore catalog;

    public PgInsurerCatalogStore(Pool pool, PiiProtector pii, PgCatalogStore catalog) {
        this.pool = pool;
        this.pii = pii;
        this.catalog = catalog;
    }

    @Override
    public Future<Optional<Published>> publishPlan(String insurerId, String planId, String document) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                                "SELECT insurer_id, version, document = $2::text::jsonb, "
                                        + "created_at FROM plan_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE")
                        .execute(Tuple.of(planId, document))
                        .compose(rows -> {
                            Row newest =
                                    rows.size() == 0 ? null : rows.iterator().next();
                            if (newest != null && !newest.getString(0).equals(insurerId)) {
                                return Future.succeededFuture(Optional.<Published>empty());
                            }
                            if (newest != null && newest.getBoolean(2)) {
                                return Future.succeededFuture(Optional.of(new Published(
                                        planId,
                                        insurerId,
                                        String.valueOf(newest.getInteger(1)),
                                        newest.getOffsetDateTime(3).toInstant(),
                                        document,
                                        false)));
                            }
                            int version = newest == null ? 1 : newest.getInteger(1) + 1;
                            return tx.preparedQuery(
                                            "INSERT INTO plan_versions (plan_id, version, insurer_id, document) "
                                                    + "VALUES ($1, $2, $3, $4::text::jsonb) RETURNING created_at")
                                    .execute(Tuple.of(planId, version, insurerId, document))
                                    .compose(ins -> {
                                        Instant at = ins.iterator()
                                                .next()
                                                .getOffsetDateTime(0)
                                                .toInstant();
                                        return bump(tx).compose(b -> PgAudit.append(
                                                        tx,
                                                        "INSURER:" + insurerId,
                                                        "PLAN_PUBLISHED",
                                                        planId,
                                                        "{\"version\":" + version + "}",
                                                        at))
                                                .map(Optional.of(new Published(
                                                        planId,
                                                        insurerId,
                                                        String.valueOf(version),
                                                        at,
                                                        document,
                                                        true)));
                                    });
                        }))
                .onSuccess(p -> p.filter(Published::created).ifPresent(x -> catalog.invalidate()))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Optional<Published>> plan(String insurerId, String planId) {
        return onePlanVersion(
                "SELECT version, created_at, document::text FROM plan_versions WHERE plan_id = $1 "
                        + "AND insurer_id = $2 ORDER BY version DESC LIMIT 1",
                Tuple.of(planId, insurerId),
                planId,
                insurerId);
    }

    @Override
    public Future<Optional<Published>> planVersion(String insurerId, String planId, int version) {
        return onePlanVersion(
                "SELECT version, created_at, document::text FROM plan_versions WHERE plan_id = $1 "
                        + "AND insurer_id = $2 AND version = $3",
                Tuple.of(planId, insurerId, version),
                planId,
                insurerId);
    }

    /** The plan version the query selects ({@code version, created_at, document}), if any. */
    private Future<Optional<Published>> onePlanVersion(String sql, Tuple args, String planId, String insurerId) {
        return pool.preparedQuery(sql)
                .execute(args)
                .map(rows -> rows.size() == 0
                        ? Optional.<Published>empty()
                        : Optional.of(published(
                                planId,
                                insurerId,
                                String.valueOf(rows.iterator().next().getInteger(0)),
                                rows.iterator().next())))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Optional<Published>> publishListVersion(String insurerId, ListVersion v, String document) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                                "SELECT insurer_id, version, effective_from, effective_to, "
                                        + "document = $2::text::jsonb, created_at FROM list_versions WHERE list_id = $1 FOR UPDATE")
                        .execute(Tuple.of(v.listId(), document))
                        .compose(rows -> {
                            for (Row r : rows) {
                                if (!r.getString(0).equals(insurerId)) {
                                    return Future.succeededFuture(Optional.<Published>empty());
                                }
                            }
                            for (Row r : rows) {
                                if (r.getString(1).equals(v.version())) {
                                    if (r.getBoolean(4)) {
                                        return Future.succeededFuture(Optional.of(new Published(
                                                v.listId(),
                                                insurerId,
                                                v.version(),
                                                r.getOffsetDateTime(5).toInstant(),
                                                document,
                                                false)));
                                    }
                                    throw new Failure.Conflict(
                                            "LIST_VERSION_IMMUTABLE",
                                            "list " + v.listId() + " version " + v.version()
                                                    + " is published with other content; publish a new version");
                                }
                            }
                            for (Row r : rows) {
                                if (overlaps(v, r.getLocalDate(2), r.getLocalDate(3))) {
                                    throw InvalidDocumentException.inconsistent(List.of(new Violation(
                                            "effective_from",
                                            "OVERLAPPING_LIST_VERSIONS",
                                            "the window overlaps version " + r.getString(1) + " ["
                                                    + r.getLocalDate(2) + ", "
                                                    + (r.getLocalDate(3) == null ? "open" : r.getLocalDate(3))
                                                    + ")")));
                                }
                            }
                            return tx.preparedQuery(
                                            "INSERT INTO list_versions (list_id, version, insurer_id, effective_from, "
                                                    + "effective_to, document) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb) RETURNING created_at")
                                    .execute(Tuple.of(
                                            v.listId(),
                                            v.version(),
                                            insurerId,
                                            v.effectiveFrom(),
                                            v.effectiveTo(),
                                            document))
                                    .compose(ins -> {
                                        Instant at = ins.iterator()
                                                .next()
                                                .getOffsetDateTime(0)
                                                .toInstant();
                                        return bump(tx).compose(b -> PgAudit.append(
                                                        tx,
                                                        "INSURER:" + insurerId,
                                                        "LIST_VERSION_PUBLISHED",
                                                        v.listId() + "/" + v.version(),
                                                        "{\"entries\":"
                                                                + v.entries().size() + "}",
                                                        at))
                                                .map(Optional.of(new Published(
                                                        v.listId(), insurerId, v.version(), at, document, true)));
                                    });
                        }))
                .onSuccess(p -> p.filter(Published::created).ifPresent(x -> catalog.invalidate()))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    private static boolean overlaps(ListVersion v, LocalDate from, LocalDate to) {
        return (to == null || v.effectiveFrom().isBefore(to))
                && (v.effectiveTo() == null || from.isBefore(v.effectiveTo()));
    }

    @Override
    public Future<Optional<Published>> listVersion(String insurerId, String listId, String version) {
        return pool.preparedQuery("SELECT created_at, document::text FROM list_versions WHERE list_id = $1 "
                        + "AND version = $2 AND insurer_id = $3")
                .execute(Tuple.of(listId, version, insurerId))
                .map(rows -> rows.size() == 0
                        ? Optional.<Published>empty()
                        : Optional.of(new Published(
                                listId,
                                insurerId,
                                version,
                                rows.iterator().next().getOffsetDateTime(0).toInstant(),
                                rows.iterator().next().getString(1),
                                false)))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<PolicyBatch> insertPolicies(String insurerId, List<Policy> policies) {
        String[] numbers = policies.stream().map(Policy::policyNo).toArray(String[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT policy_no, insurer_id, plan_id, person_key, "
                                + "psn_cert_type, effective_from, effective_to, preexisting_conditions, edition, deductibles::text, "
                                + "claim_free_editions, preexisting FROM policies WHERE policy_no = ANY($1) FOR UPDATE")
                        .execute(Tuple.of((Object) numbers))
                        .compose(rows -> {
                            Map<String, Row> existing = new HashMap<>();
                            rows.forEach(r -> existing.put(r.getString(0), r));
                            List<Violation> violations = new ArrayList<>();
                            List<Tuple> inserts = new ArrayList<>();
                            for (int i = 0; i < policies.size(); i++) {
                                Policy p = policies.get(i);
                                Row e = existing.get(p.policyNo());
                                if (e == null) {
                                    inserts.add(PgReferenceData.policyRow(p, pii));
                                } else if (!e.getString(1).equals(insurerId) || !same(e, p)) {
                                    violations.add(new Violation(
                                            "[" + i + "].policy_no",
                                            "POLICY_EXISTS",
                                            "policy_no " + p.policyNo() + " is already taken by a different policy"));
                                }
                            }
                            if (!violations.isEmpty()) {
                                throw InvalidDocumentException.inconsistent(violations);
                            }
                            return insertAll(tx, inserts)
                                    .compose(v -> inserts.isEmpty()
                                            ? Future.<Void>succeededFuture()
                                            : PgAudit.append(
                                                    tx,
                                                    "INSURER:" + insurerId,
                                                    "POLICIES_CREATED",
                                                    insurerId,
                                                    "{\"created\":" + inserts.size() + "}",
                                                    Instant.now()))
                                    .map(new PolicyBatch(inserts.size(), policies.size() - inserts.size()));
                        }))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    private boolean same(Row e, Policy p) {
        return e.getString(2).equals(p.planId())
                && e.getString(3).equals(pii.personKey(p.psnCertType(), p.certno()))
                && e.getString(4).equals(p.psnCertType())
                && e.getLocalDate(5).equals(p.effectiveFrom())
                && e.getLocalDate(6).equals(p.effectiveTo())
                && Arrays.asList(e.getArrayOfStrings(7)).equals(p.preexistingConditions())
                && Objects.equals(e.getString(8), p.edition())
                && PgPolicyStore.deductibles(e.getString(9)).equals(p.deductibles())
                && Objects.equals(e.getInteger(10), p.claimFreeEditions())
                && Objects.equals(e.getBoolean(11), p.preexisting());
    }

    private static Future<Void> insertAll(SqlConnection tx, List<Tuple> rows) {
        return rows.isEmpty()
                ? Future.succeededFuture()
                : tx.preparedQuery(PgReferenceData.INSERT_POLICY)
                        .executeBatch(rows)
                        .mapEmpty();
    }

    @Override
    public Future<Optional<StoredPolicy>> policy(String insurerId, String policyNo) {
        return pool.preparedQuery("SELECT " + StoredPolicyRows.COLUMNS
                        + " FROM policies WHERE policy_no = $1 AND insurer_id = $2")
                .execute(Tuple.of(policyNo, insurerId))
                .map(rows -> rows.size() == 0
                        ? Optional.<StoredPolicy>empty()
                        : Optional.of(StoredPolicyRows.of(rows.iterator().next())))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    private static Published published(String id, String insurerId, String version, Row r) {
        return new Published(id, insurerId, version, r.getOffsetDateTime(1).toInstant(), r.getString(2), false);
    }

    private static Future<Void> bump(SqlConnection tx) {
        return tx.query("UPDATE catalog_state SET version = version + 1 WHERE id = 1")
                .execute()
                .mapEmpty();
    }
}
