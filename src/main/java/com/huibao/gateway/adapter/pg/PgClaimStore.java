package com.huibao.gateway.adapter.pg;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.StoredDocument;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.MessageKind;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claims on PostgreSQL. Lists page by the key {@code (created_at, claim_id)} (a cursor encodes the last key seen),
 * so pages neither repeat nor skip rows when claims are added meanwhile: new ones sort after every existing one.
 */
public final class PgClaimStore implements ClaimStore {
    static final String COLUMNS = "claim_id, setl_id, policy_no, insurer_id, plan_id, plan_version, channel, "
            + "state, payout, pays_hospital, pays_patient, result, created_at, paid_at, payment_ref, reversed_at, "
            + "(SELECT person_key FROM policies p WHERE p.policy_no = claims.policy_no), "
            + "(SELECT setl_time FROM settlements s WHERE s.setl_id = claims.setl_id), "
            + "(SELECT ARRAY[s.infno, s.msgid, s.medins_setl_id, s.clr_optins, s.message_kind] FROM settlements s "
            + "WHERE s.setl_id = claims.setl_id), result_z";
    static final String SELECT = "SELECT " + COLUMNS + " FROM claims";

    private final Pool pool;
    private final PiiProtector pii;
    private final ZoneId zone;

    public PgClaimStore(Pool pool, PiiProtector pii, ZoneId zone) {
        this.pool = pool;
        this.pii = pii;
        this.zone = zone;
    }

    @Override
    public Future<Page> list(String insurerId, Filter f, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM claims WHERE insurer_id = $1");
        Tuple args = Tuple.of(insurerId);
        if (f.state() != null) {
            args.addString(f.state());
            sql.append(" AND state = $").append(args.size());
        }
        if (f.createdFrom() != null) {
            args.addOffsetDateTime(f.createdFrom().atStartOfDay(zone).toOffsetDateTime());
            sql.append(" AND created_at >= $").append(args.size());
        }
        if (f.createdTo() != null) {
            args.addOffsetDateTime(f.createdTo().atStartOfDay(zone).toOffsetDateTime());
            sql.append(" AND created_at < $").append(args.size());
        }
        if (f.policyNo() != null) {
            args.addString(f.policyNo());
            sql.append(" AND policy_no = $").append(args.size());
        }
        if (cursor != null) {
            Key key = Key.decode(cursor);
            args.addOffsetDateTime(key.createdAt().atOffset(ZoneOffset.UTC)).addString(key.claimId());
            sql.append(" AND (created_at, claim_id) > ($")
                    .append(args.size() - 1)
                    .append(", $")
                    .append(args.size())
                    .append(")");
        }
        args.addInteger(limit + 1);
        sql.append(" ORDER BY created_at, claim_id LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString())
                .execute(args)
                .map(rows -> {
                    List<Claim> claims = new ArrayList<>();
                    rows.forEach(r -> claims.add(claim(r)));
                    String next = null;
                    if (claims.size() > limit) {
                        claims.remove(claims.size() - 1);
                        Claim last = claims.get(claims.size() - 1);
                        next = new Key(last.createdAt(), last.claimId()).encode();
                    }
                    return new Page(claims, next);
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    /** The position of a claim in the list order. */
    record Key(Instant createdAt, String claimId) {
        String encode() {
            String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + claimId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                String[] t = raw.substring(0, colon).split("\\.");
                return new Key(
                        Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1])), raw.substring(colon + 1));
            } catch (RuntimeException e) {
                throw InvalidDocumentException.malformed(
                        List.of(new Violation("cursor", "INVALID_CURSOR", "cursor is not one this API returned")));
            }
        }
    }

    @Override
    public Future<Optional<Claim>> get(String insurerId, String claimId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM claims WHERE claim_id = $1 AND insurer_id = $2")
                .execute(Tuple.of(claimId, insurerId))
                .map(rows -> rows.size() == 0
                        ? Optional.<Claim>empty()
                        : Optional.of(claim(rows.iterator().next())))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Claim> markPaid(String insurerId, String claimId, String paymentRef, Instant paidAt) {
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE claims SET state = 'PAID', paid_at = $3, "
                                + "payment_ref = $4, remitted = GREATEST(remitted, pays_hospital) WHERE claim_id = $1 AND insurer_id = $2 AND state = 'APPROVED' RETURNING "
                                + COLUMNS)
                        .execute(Tuple.of(claimId, insurerId, paidAt.atOffset(ZoneOffset.UTC), paymentRef))
                        .compose(rows -> rows.size() == 0
                                ? Future.succeededFuture(rows)
                                : PgAudit.append(
                                                tx,
                                                "INSURER:" + insurerId,
                                                "CLAIM_PAID",
                                                claimId,
                                                Json.write(Json.object().put("payment_ref", paymentRef)),
                                                Instant.now())
                                        .map(rows)))
                .compose(rows -> rows.size() == 1
                        ? Future.succeededFuture(claim(rows.iterator().next()))
                        // Lost a race with another transition: report the state it is in now.
                        : get(insurerId, claimId).map(c -> c.orElseThrow()))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<List<PatientClaim>> forPerson(String personKey) {
        return pool.preparedQuery("SELECT c.claim_id, c.setl_id, s.setl_time, c.insurer_id, c.policy_no, c.channel, "
                        + "c.state, c.payout, s.psn_part_amt - (SELECT coalesce(sum(x.payout), 0) FROM claims x "
                        + "WHERE x.setl_id = c.setl_id AND x.state <> 'REVERSED'), s.fixmedins_code FROM claims c "
                        + "JOIN policies p ON p.policy_no = c.policy_no JOIN settlements s ON s.setl_id = c.setl_id "
                        + "WHERE p.person_key = $1 ORDER BY s.setl_time DESC, c.claim_id")
                .execute(Tuple.of(personKey))
                .map(rows -> {
                    List<PatientClaim> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new PatientClaim(
                                r.getString(0),
                                r.getString(1),
                                r.getLocalDateTime(2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6),
                                Money.of(r.getBigDecimal(7)),
                                Money.of(r.getBigDecimal(8)),
                                r.getString(9)));
                    }
                    return out;
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Optional<QuickClaimContext>> quickClaimContext(String setlId, String policyNo) {
        return pool.preparedQuery(
                        "SELECT s.fixmedins_code, s.document_cipher, s.document_sealed FROM settlements s JOIN policies p "
                                + "ON p.person_key = s.person_key WHERE s.setl_id = $1 AND p.policy_no = $2")
                .execute(Tuple.of(setlId, policyNo))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<QuickClaimContext>empty());
                    }
                    Row stored = rows.iterator().next();
                    StoredDocument settlement =
                            new StoredDocument(SealedDocuments.read(pii, stored, 1), stored.getString(0));
                    Future<List<String>> refunds = pool.preparedQuery(PgRefundLedger.REFUNDS)
                            .execute(Tuple.of(setlId))
                            .map(docs -> {
                                List<String> out = new ArrayList<>();
                                docs.forEach(r -> out.add(pii.decrypt(r.getString(0))));
                                return out;
                            });
                    Future<RowSet<Row>> claims = pool.preparedQuery(
                                    "SELECT result, result_z FROM claims WHERE setl_id = $1 AND state <> 'REVERSED'")
                            .execute(Tuple.of(setlId));
                    return Future.all(refunds, claims).map(v -> claims.result()).map(claimRows -> {
                        Map<String, Money> paid = new HashMap<>();
                        for (Row c : claimRows) {
                            for (JsonNode line :
                                    Json.parse(CompactText.read(c, 0, 1)).path("line_outcomes")) {
                                paid.merge(
                                        line.get("feedetl_sn").asText(),
                                        Money.parse(line.get("paid").asText()),
                                        Money::plus);
                            }
                        }
                        return Optional.of(new QuickClaimContext(settlement, refunds.result(), paid));
                    });
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Optional<Claim>> bySettlementAndPolicy(String setlId, String policyNo) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM claims WHERE setl_id = $1 AND policy_no = $2")
                .execute(Tuple.of(setlId, policyNo))
                .map(rows -> rows.size() == 0
                        ? Optional.<Claim>empty()
                        : Optional.of(claim(rows.iterator().next())))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    static Claim claim(Row r) {
        OffsetDateTime paid = r.getOffsetDateTime(13);
        OffsetDateTime reversed = r.getOffsetDateTime(15);
        return new Claim(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getInteger(5),
                r.getString(6),
                r.getString(7),
                Money.of(r.getBigDecimal(8)),
                Money.of(r.getBigDecimal(9)),
                Money.of(r.getBigDecimal(10)),
                CompactText.read(r, 11, 19),
                r.getOffsetDateTime(12).toInstant(),
                paid == null ? null : paid.toInstant(),
                r.getString(14),
                reversed == null ? null : reversed.toInstant(),
                r.getString(16),
                r.getLocalDateTime(17),
                provenance(r.getArrayOfStrings(18)));
    }

    /** The stored settlement's provenance: infno, msgid, medins_setl_id, clr_optins, message kind. */
    private static Provenance provenance(String[] p) {
        if (p == null) {
            return Provenance.FLAT;
        }
        return new Provenance(p[0], p[1], p[2], p[3], MessageKind.valueOf(p[4]));
    }
}
