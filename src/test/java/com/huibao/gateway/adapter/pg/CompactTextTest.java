package com.huibao.gateway.adapter.pg;

import static com.huibao.gateway.adapter.pg.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.support.Sql;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stored answer, a claim's adjudication and an event's body on a real PostgreSQL across V16: rows written before
 * it (text) read as they were, rows written since (deflated bytea) read as written and take a fraction of the room.
 */
class CompactTextTest {
    /** A 13 KB answer shaped like the gateway's: the same keys on every line, varying codes and amounts. */
    private static final String LARGE = large();

    private static TestDatabase db;

    @BeforeAll
    static void start() throws Exception {
        // the schema as it was before V16, with rows written then
        db = TestDatabase.start(4, "15", CompactTextTest::writeBeforeV16);
    }

    private static void writeBeforeV16(DbTarget t) {
        Sql.update(
                t,
                "INSERT INTO policies (policy_no, insurer_id, plan_id, person_key, psn_cert_type, certno_cipher, "
                        + "certno_masked, effective_from, effective_to) VALUES ('P-1', 'INS', 'PLAN', 'pk', '01', 'c', "
                        + "'m', '2026-01-01', '2027-01-01')");
        for (String setl : List.of("S-OLD", "S-NEW")) {
            Sql.update(
                    t,
                    "INSERT INTO settlements (setl_id, fixmedins_code, person_key, setl_time, med_type, psn_part_amt, "
                            + "psn_cash_pay, content_hash, document_cipher, source) VALUES ('" + setl
                            + "', 'H1', 'pk', '2026-03-01 10:00', '21', 1, 1, 'h', 'k:x', 'HOSPITAL')");
        }
        Sql.update(
                t,
                "INSERT INTO direct_settlements (setl_id, fixmedins_code, request_hash, state, payout_total, "
                        + "insurer_pays_hospital, patient_cash_due, insurer_pays_patient, confirmed_at, confirm_response) "
                        + "VALUES ('S-OLD', 'H1', 'rh', 'CONFIRMED', 0, 0, 0, 0, now(), '" + LARGE + "')");
        Sql.update(
                t,
                "INSERT INTO claims (claim_id, setl_id, policy_no, insurer_id, plan_id, plan_version, channel, state, "
                        + "payout, pays_hospital, pays_patient, result) VALUES ('C-OLD', 'S-OLD', 'P-1', 'INS', 'PLAN', 1, "
                        + "'DIRECT_SETTLEMENT', 'APPROVED', 0, 0, 0, '" + LARGE + "')");
        Sql.update(
                t,
                "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, next_attempt_at) "
                        + "VALUES (gen_random_uuid(), 'INS', 'P-1', 'claim.approved', '" + LARGE
                        + "', now(), 'PENDING', now())");
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void rows_written_before_v16_read_as_they_were_and_rows_written_since_as_written() throws Exception {
        // rows written since: the same texts through the gateway's writers' encoding
        await(db.pool()
                .preparedQuery("INSERT INTO direct_settlements (setl_id, fixmedins_code, request_hash, state, "
                        + "payout_total, insurer_pays_hospital, patient_cash_due, insurer_pays_patient, confirmed_at, "
                        + "confirm_response_z) VALUES ('S-NEW', 'H1', 'rh', 'CONFIRMED', 0, 0, 0, 0, now(), $1)")
                .execute(Tuple.of(CompactText.of(LARGE))));
        await(db.pool()
                .preparedQuery("INSERT INTO claims (claim_id, setl_id, policy_no, insurer_id, plan_id, plan_version, "
                        + "channel, state, payout, pays_hospital, pays_patient, result_z) VALUES ('C-NEW', 'S-NEW', "
                        + "'P-1', 'INS', 'PLAN', 1, 'DIRECT_SETTLEMENT', 'APPROVED', 0, 0, 0, $1)")
                .execute(Tuple.of(CompactText.of(LARGE))));
        await(db.pool()
                .withTransaction(tx -> PgOutbox.add(
                        tx,
                        "INS",
                        "P-1",
                        "claim.approved",
                        com.huibao.gateway.codec.Json.object().put("text", LARGE),
                        java.time.Instant.parse("2026-03-01T02:00:00Z"))));

        PgDirectSettlementStore settlements = new PgDirectSettlementStore(db.pool(), ZoneId.of("Asia/Shanghai"));
        for (String setl : List.of("S-OLD", "S-NEW")) {
            DirectSettlementRecord r = await(settlements.find(setl)).orElseThrow();
            assertThat(r.confirmResponse()).as(setl).isEqualTo(LARGE);
        }
        PgClaimStore claims = new PgClaimStore(db.pool(), null, ZoneId.of("Asia/Shanghai"));
        for (String setl : List.of("S-OLD", "S-NEW")) {
            ClaimStore.Claim c =
                    await(claims.bySettlementAndPolicy(setl, "P-1")).orElseThrow();
            assertThat(c.result()).as(setl).isEqualTo(LARGE);
        }
        List<WebhookStore.Event> events = await(new PgWebhookStore(db.pool()).events("INS", null, 10));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).payload()).isEqualTo(LARGE);
        assertThat(com.huibao.gateway.codec.Json.parse(events.get(1).payload())
                        .path("data")
                        .path("text")
                        .asText())
                .isEqualTo(LARGE);

        long oldRoom = Sql.count(
                db.target(), "SELECT pg_column_size(confirm_response) FROM direct_settlements WHERE setl_id = 'S-OLD'");
        long newRoom = Sql.count(
                db.target(),
                "SELECT pg_column_size(confirm_response_z) FROM direct_settlements WHERE setl_id = 'S-NEW'");
        assertThat(newRoom)
                .as("deflated (%d bytes) against PostgreSQL's own compression of the text (%d bytes)", newRoom, oldRoom)
                .isLessThan(oldRoom);
    }

    private static String large() {
        StringBuilder b = new StringBuilder("{\"line_outcomes\":[");
        for (int i = 0; i < 120; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"feedetl_sn\":\"FD")
                    .append(100_000 + i * 7919 % 99_991)
                    .append("\",\"hilist_code\":\"XA")
                    .append(Integer.toString(i * 104_729 % 1_000_003, 36).toUpperCase())
                    .append("\",\"amount\":\"")
                    .append(i * 3_517 % 100_000 / 100.0)
                    .append("\",\"paid\":\"")
                    .append(i * 2_741 % 50_000 / 100.0)
                    .append("\",\"reason\":\"")
                    .append(i % 3 == 0 ? "目录外自费" : i % 3 == 1 ? "乙类先行自付" : "COVERED")
                    .append("\"}");
        }
        return b.append("]}").toString();
    }
}
