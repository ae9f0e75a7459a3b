package com.huibao.gateway.adapter.pg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ConfirmOutcome;
import com.huibao.gateway.app.port.Confirmation;
import com.huibao.gateway.app.port.DayActivity;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.port.SettlementEvent;
import com.huibao.gateway.app.port.StatementLine;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.codec.AccumulatorsJson;
import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.codec.ConfirmationJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.claim.PayeeSplit;
import com.huibao.gateway.domain.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Direct settlements on PostgreSQL. A confirm is one transaction: settlement row, idempotency row (the unique
 * {@code setl_id} makes concurrent duplicates wait for the first and then see it), policy rows locked
 * {@code FOR UPDATE} in {@code policy_no} order (so concurrent confirms of one policy serialize and never deadlock),
 * accumulators read under those locks, claims, deltas and the response written. A reversal subtracts exactly the
 * recorded deltas under the same locks.
 */
public final class PgDirectSettlementStore implements DirectSettlementStore {
    private static final String CHANNEL = "DIRECT_SETTLEMENT";
    static final String INSERT_CLAIM = "INSERT INTO claims (claim_id, setl_id, policy_no, insurer_id, plan_id, "
            + "plan_version, channel, state, payout, pays_hospital, pays_patient, result, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, 'APPROVED', $8, $9, $10, $11, $12)";
    private static final String SELECT_RECORD = "SELECT setl_id, fixmedins_code, request_hash, state, confirmed_at, "
            + "confirm_response, reversed_at, reversal_response, "
            + "(SELECT person_key FROM settlements s WHERE s.setl_id = direct_settlements.setl_id) "
            + "FROM direct_settlements WHERE setl_id = $1";

    private final Pool pool;
    private final PgSettlements settlements;
    private final ZoneId zone;

    public PgDirectSettlementStore(Pool pool, PiiProtector pii, ZoneId zone) {
        this.pool = pool;
        this.settlements = new PgSettlements(pii);
        this.zone = zone;
    }

    @Override
    public Future<Optional<DirectSettlementRecord>> find(String setlId) {
        return pool.preparedQuery(SELECT_RECORD)
                .execute(Tuple.of(setlId))
                .map(rows -> rows.size() == 0
                        ? Optional.<DirectSettlementRecord>empty()
                        : Optional.of(record(rows.iterator().next())))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<ConfirmOutcome> confirm(
            StoredSettlement settlement, String requestHash, List<String> policyNos, Instant now, Decide decide) {
        String setlId = settlement.settlement().setlinfo().setlId();
        String hospital = settlement.settlement().setlinfo().fixmedinsCode();
        // Statements that do not wait for an answer are sent together (the client pipelines them on the connection;
        // PostgreSQL runs them in order, so each read follows the locks before it): three round trips and the commit
        // instead of about a dozen (docs/PERFORMANCE.md). An error aborts the transaction, and the first failure is the
        // cause. Confirms of one settlement are serialized by a transaction-scoped advisory lock on its id, so the
        // record
        // is written once, complete, at the end (it used to be claimed by an INSERT of a placeholder and then updated:
        // the 2 KB answer written twice).
        return pool.withTransaction(tx -> {
                    Future<?> serialized = tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                            .execute(Tuple.of("direct_settlement:" + setlId));
                    Future<?> stored = settlements.insertIfAbsent(tx, settlement);
                    Future<RowSet<Row>> existing =
                            tx.preparedQuery(SELECT_RECORD).execute(Tuple.of(setlId));
                    Future<Reads> reads = lockAndRead(tx, setlId, policyNos);
                    return Future.all(serialized, stored, existing, reads)
                            .compose(v -> existing.result().size() > 0
                                    ? Future.succeededFuture(ConfirmOutcome.lostTo(
                                            record(existing.result().iterator().next())))
                                    : write(
                                            tx,
                                            setlId,
                                            hospital,
                                            requestHash,
                                            now,
                                            decide.apply(
                                                    reads.result().accumulators(),
                                                    reads.result().claimed())));
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    /** What a confirm decides on: the policies' accumulators and which of them already claimed the settlement. */
    private record Reads(Map<String, Accumulators> accumulators, Set<String> claimed) {}

    /**
     * Locks the policies (in order, as everywhere) and reads their accumulators and the settlement's live claims.
     * When the confirm loses the race for the settlement, the reads are not used.
     */
    private static Future<Reads> lockAndRead(SqlConnection tx, String setlId, List<String> policyNos) {
        Future<Void> locked = PgPolicyLocks.lock(tx, policyNos);
        Future<Map<String, Accumulators>> accumulators = new PgAccumulatorStore(tx).of(policyNos);
        Future<RowSet<Row>> claims = tx.preparedQuery(
                        "SELECT policy_no FROM claims WHERE setl_id = $1 " + "AND state <> 'REVERSED'")
                .execute(Tuple.of(setlId));
        return Future.all(locked, accumulators, claims).map(v -> {
            Set<String> claimed = new HashSet<>();
            claims.result().forEach(r -> claimed.add(r.getString(0)));
            return new Reads(accumulators.result(), claimed);
        });
    }

    /** The {@code data} of a claim.created event: the claim and its breakdown, no identity of the patient. */
    static ObjectNode claimEvent(
            String claimId, String setlId, PolicyResult p, String channel, Money paysHospital, Money paysPatient) {
        ObjectNode d = AdjudicationJson.policy(p);
        d.put("claim_id", claimId)
                .put("setl_id", setlId)
                .put("channel", channel)
                .put("state", "APPROVED")
                .put("pays_hospital", paysHospital.toString())
                .put("pays_patient", paysPatient.toString());
        return d;
    }

    private static String auditDetails(Confirmation c) {
        ObjectNode d = Json.object();
        d.put("payout_total", c.adjudication().payoutTotal().toString());
        ObjectNode claims = d.putObject("claims");
        new TreeMap<>(c.claimIds()).forEach(claims::put);
        return Json.write(d);
    }

    private Future<ConfirmOutcome> write(
            SqlConnection tx, String setlId, String hospital, String requestHash, Instant now, Confirmation c) {
        Adjudication a = c.adjudication();
        List<Tuple> claims = new ArrayList<>();
        List<Future<?>> writes = new ArrayList<>();
        for (PolicyResult p : a.policies()) {
            String claimId = c.claimIds().get(p.policyNo());
            if (claimId != null) {
                PayeeSplit.Share share = c.shares().get(p.policyNo());
                claims.add(Tuple.tuple()
                        .addString(claimId)
                        .addString(setlId)
                        .addString(p.policyNo())
                        .addString(p.insurerId())
                        .addString(p.planId())
                        .addInteger(c.planVersions().getOrDefault(p.policyNo(), 1))
                        .addString(CHANNEL)
                        .addBigDecimal(p.payout().value())
                        .addBigDecimal(share.hospital().value())
                        .addBigDecimal(share.patient().value())
                        .addString(Json.write(AdjudicationJson.policy(p)))
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)));
                writes.add(PgOutbox.add(
                        tx,
                        p.insurerId(),
                        p.policyNo(),
                        "claim.created",
                        claimEvent(claimId, setlId, p, CHANNEL, share.hospital(), share.patient()),
                        now));
            }
        }
        String response = Json.write(ConfirmationJson.write(c, now));
        // all sent at once (pipelined), in this order
        writes.add(PgDeltas.batch(tx, INSERT_CLAIM, claims));
        writes.add(PgDeltas.add(tx, setlId, CHANNEL, a.policies()));
        writes.add(tx.preparedQuery("INSERT INTO direct_settlements (setl_id, fixmedins_code, request_hash, state, "
                        + "payout_total, insurer_pays_hospital, patient_cash_due, insurer_pays_patient, confirmed_at, "
                        + "confirm_response) VALUES ($1, $2, $3, 'CONFIRMED', $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple()
                        .addString(setlId)
                        .addString(hospital)
                        .addString(requestHash)
                        .addBigDecimal(a.payoutTotal().value())
                        .addBigDecimal(a.insurerPaysHospital().value())
                        .addBigDecimal(a.patientCashDue().value())
                        .addBigDecimal(a.insurerPaysPatient().value())
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                        .addString(response)));
        writes.add(PgAudit.append(
                tx, "HOSPITAL:" + hospital, "DIRECT_SETTLEMENT_CONFIRMED", setlId, auditDetails(c), now));
        return Future.all(writes).map(v -> ConfirmOutcome.created(response));
    }

    @Override
    public Future<Optional<String>> reverse(String setlId, String fixmedinsCode, Instant now) {
        return pool.withTransaction(tx -> tx.preparedQuery(SELECT_RECORD + " AND fixmedins_code = $2 FOR UPDATE")
                        .execute(Tuple.of(setlId, fixmedinsCode))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.succeededFuture(Optional.<String>empty());
                            }
                            DirectSettlementRecord r = record(rows.iterator().next());
                            return r.reversed()
                                    ? Future.succeededFuture(Optional.of(r.reversalResponse()))
                                    : reverseConfirmed(tx, r, now).map(Optional::of);
                        }))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    private Future<String> reverseConfirmed(SqlConnection tx, DirectSettlementRecord r, Instant now) {
        Tuple id = Tuple.of(r.setlId());
        return tx.preparedQuery("SELECT claim_id FROM claims WHERE setl_id = $1 AND channel = 'DIRECT_SETTLEMENT' "
                        + "AND state = 'PAID'")
                .execute(id)
                .compose(paid -> {
                    if (paid.size() > 0) {
                        throw new Failure.Conflict(
                                "CLAIM_ALREADY_PAID",
                                "claim " + paid.iterator().next().getString(0)
                                        + " of this settlement was already paid by the insurer; the reversal must go through the insurer");
                    }
                    return tx.preparedQuery("SELECT policy_no FROM policies WHERE policy_no IN (SELECT policy_no FROM "
                                    + "accumulator_deltas WHERE setl_id = $1 AND channel = 'DIRECT_SETTLEMENT' AND NOT reversed) "
                                    + "ORDER BY policy_no FOR UPDATE")
                            .execute(id);
                })
                .compose(v -> tx.preparedQuery(
                                "SELECT policy_no, kind, key, amount FROM accumulator_deltas "
                                        + "WHERE setl_id = $1 AND channel = 'DIRECT_SETTLEMENT' AND NOT reversed ORDER BY policy_no, kind, key")
                        .execute(id))
                .compose(deltaRows -> tx.preparedQuery(
                                "UPDATE accumulators a SET amount = a.amount - d.amount "
                                        + "FROM accumulator_deltas d WHERE d.setl_id = $1 AND d.channel = 'DIRECT_SETTLEMENT' "
                                        + "AND NOT d.reversed AND a.policy_no = d.policy_no AND a.kind = d.kind AND a.key = d.key")
                        .execute(id)
                        .compose(v -> tx.preparedQuery(
                                        "UPDATE accumulator_deltas SET reversed = true WHERE setl_id = $1 "
                                                + "AND channel = 'DIRECT_SETTLEMENT'")
                                .execute(id))
                        .compose(v -> tx.preparedQuery(
                                        "UPDATE claims SET state = 'REVERSED', reversed_at = $2 WHERE setl_id = $1 "
                                                + "AND channel = 'DIRECT_SETTLEMENT' AND state = 'APPROVED' "
                                                + "RETURNING claim_id, policy_no, insurer_id, payout, pays_hospital, pays_patient")
                                .execute(Tuple.of(r.setlId(), now.atOffset(ZoneOffset.UTC))))
                        .compose(claimRows -> {
                            Future<Void> events = Future.succeededFuture();
                            for (Row c : claimRows) {
                                events = events.compose(v -> PgOutbox.add(
                                        tx,
                                        c.getString(2),
                                        c.getString(1),
                                        "claim.reversed",
                                        Json.object()
                                                .put("claim_id", c.getString(0))
                                                .put("setl_id", r.setlId())
                                                .put("policy_no", c.getString(1))
                                                .put("state", "REVERSED")
                                                .put(
                                                        "payout",
                                                        Money.of(c.getBigDecimal(3))
                                                                .toString()),
                                        now));
                            }
                            return events.map(claimRows);
                        })
                        .compose(claimRows -> {
                            String response =
                                    Json.write(reversal(r, now, claimRows, PgAccumulatorStore.fold(deltaRows)));
                            return tx.preparedQuery(
                                            "UPDATE direct_settlements SET state = 'REVERSED', reversed_at = $2, "
                                                    + "reversal_response = $3 WHERE setl_id = $1")
                                    .execute(Tuple.of(r.setlId(), now.atOffset(ZoneOffset.UTC), response))
                                    .compose(v -> PgAudit.append(
                                            tx,
                                            "HOSPITAL:" + r.fixmedinsCode(),
                                            "DIRECT_SETTLEMENT_REVERSED",
                                            r.setlId(),
                                            Json.write(Json.object().put("claims_reversed", claimRows.rowCount())),
                                            now))
                                    .map(response);
                        }));
    }

    private static ObjectNode reversal(
            DirectSettlementRecord r, Instant now, Iterable<Row> claims, Map<String, Accumulators> restored) {
        ObjectNode o = Json.object();
        o.put("setl_id", r.setlId());
        o.put("state", "REVERSED");
        o.put("confirmed_at", r.confirmedAt().toString());
        o.put("reversed_at", now.toString());
        ArrayNode cs = o.putArray("claims");
        for (Row c : claims) {
            cs.addObject()
                    .put("claim_id", c.getString(0))
                    .put("policy_no", c.getString(1))
                    .put("insurer_id", c.getString(2))
                    .put("payout", Money.of(c.getBigDecimal(3)).toString())
                    .put("pays_hospital", Money.of(c.getBigDecimal(4)).toString())
                    .put("pays_patient", Money.of(c.getBigDecimal(5)).toString())
                    .put("state", "REVERSED");
        }
        ObjectNode acc = o.putObject("accumulators_restored");
        new TreeMap<>(restored).forEach((policy, delta) -> acc.set(policy, AccumulatorsJson.write(delta)));
        return o;
    }

    @Override
    public Future<DayActivity> day(String fixmedinsCode, LocalDate date) {
        OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Tuple args = Tuple.of(fixmedinsCode, from, to);
        Future<List<SettlementEvent>> settled = pool.preparedQuery(
                        "SELECT setl_id, 'CONFIRMED', confirmed_at, payout_total, insurer_pays_hospital, patient_cash_due, "
                                + "insurer_pays_patient FROM direct_settlements WHERE fixmedins_code = $1 AND confirmed_at >= $2 "
                                + "AND confirmed_at < $3 UNION ALL "
                                + "SELECT setl_id, 'REVERSED', reversed_at, payout_total, insurer_pays_hospital, patient_cash_due, "
                                + "insurer_pays_patient FROM direct_settlements WHERE fixmedins_code = $1 AND reversed_at >= $2 "
                                + "AND reversed_at < $3 ORDER BY 3, 1, 2")
                .execute(args)
                .map(rows -> {
                    List<SettlementEvent> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new SettlementEvent(
                                r.getString(0),
                                r.getString(1),
                                r.getOffsetDateTime(2).toInstant(),
                                Money.of(r.getBigDecimal(3)),
                                Money.of(r.getBigDecimal(4)),
                                Money.of(r.getBigDecimal(5)),
                                Money.of(r.getBigDecimal(6))));
                    }
                    return out;
                });
        Future<List<StatementLine>> claims = pool.preparedQuery(
                        "SELECT d.setl_id, 'CONFIRMED', d.confirmed_at, c.claim_id, c.insurer_id, c.policy_no, c.payout, "
                                + "c.pays_hospital, c.pays_patient FROM direct_settlements d JOIN claims c ON c.setl_id = d.setl_id "
                                + "AND c.channel = 'DIRECT_SETTLEMENT' WHERE d.fixmedins_code = $1 AND d.confirmed_at >= $2 "
                                + "AND d.confirmed_at < $3 UNION ALL "
                                + "SELECT d.setl_id, 'REVERSED', d.reversed_at, c.claim_id, c.insurer_id, c.policy_no, c.payout, "
                                + "c.pays_hospital, c.pays_patient FROM direct_settlements d JOIN claims c ON c.setl_id = d.setl_id "
                                + "AND c.channel = 'DIRECT_SETTLEMENT' WHERE d.fixmedins_code = $1 AND d.reversed_at >= $2 "
                                + "AND d.reversed_at < $3 ORDER BY 3, 1, 2, 4")
                .execute(args)
                .map(rows -> {
                    List<StatementLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new StatementLine(
                                r.getString(0),
                                r.getString(1),
                                r.getOffsetDateTime(2).toInstant(),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                Money.of(r.getBigDecimal(6)),
                                Money.of(r.getBigDecimal(7)),
                                Money.of(r.getBigDecimal(8))));
                    }
                    return out;
                });
        return Future.all(settled, claims)
                .map(v -> new DayActivity(settled.result(), claims.result()))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    private static DirectSettlementRecord record(Row r) {
        OffsetDateTime reversed = r.getOffsetDateTime(6);
        return new DirectSettlementRecord(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getOffsetDateTime(4).toInstant(),
                r.getString(5),
                reversed == null ? null : reversed.toInstant(),
                r.getString(7),
                r.getString(8));
    }
}
