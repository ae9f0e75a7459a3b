package com.huibao.gateway.adapter.pg;

import static com.huibao.gateway.adapter.pg.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Sql;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A settlement as received, sealed, on a real PostgreSQL across V18: a row written before it (Base64 text in
 * {@code document_cipher}) reads as it was, a row written since (bytes in {@code document_sealed}) reads as written
 * and takes a quarter less room.
 */
class SealedDocumentsTest {
    private static final PiiProtector PII =
            PiiProtector.fromHex("k1", "00112233445566778899aabbccddeeff", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final String DOCUMENT =
            new String(Examples.bytes("settlement-inpatient-1.json"), StandardCharsets.UTF_8);

    private static TestDatabase db;

    @BeforeAll
    static void start() throws Exception {
        // the schema as it was before V18, with a settlement written then
        db = TestDatabase.start(4, "17", t -> {
            Sql.update(
                    t,
                    "INSERT INTO policies (policy_no, insurer_id, plan_id, person_key, psn_cert_type, certno_cipher, "
                            + "certno_masked, effective_from, effective_to) VALUES ('P-1', 'INS', 'PLAN', 'pk', '01', "
                            + "'c', 'm', '2026-01-01', '2027-01-01')");
            Sql.update(
                    t,
                    "INSERT INTO settlements (setl_id, fixmedins_code, person_key, setl_time, med_type, psn_part_amt, "
                            + "psn_cash_pay, content_hash, document_cipher, source) VALUES ('S-OLD', 'H1', 'pk', "
                            + "'2026-03-01 10:00', '21', 1, 1, 'h', '" + PII.encryptDocument(DOCUMENT)
                            + "', 'HOSPITAL')");
        });
        // a settlement written since, as the gateway writes it
        await(db.pool()
                .preparedQuery("INSERT INTO settlements (setl_id, fixmedins_code, person_key, setl_time, med_type, "
                        + "psn_part_amt, psn_cash_pay, content_hash, document_sealed, source) VALUES ('S-NEW', 'H1', "
                        + "'pk', '2026-03-01 10:00', '21', 1, 1, 'h', $1, 'HOSPITAL')")
                .execute(Tuple.of(SealedDocuments.of(PII, DOCUMENT))));
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void both_read_as_the_document_received_and_the_bytes_take_less_room() throws Exception {
        PgClaimStore claims = new PgClaimStore(db.pool(), PII, ZoneId.of("Asia/Shanghai"));
        for (String setl : List.of("S-OLD", "S-NEW")) {
            assertThat(await(claims.quickClaimContext(setl, "P-1")))
                    .as(setl)
                    .get()
                    .satisfies(c -> {
                        assertThat(c.settlement().document()).isEqualTo(DOCUMENT);
                        assertThat(c.settlement().fixmedinsCode()).isEqualTo("H1");
                    });
        }
        long text = Sql.count(
                db.target(), "SELECT pg_column_size(document_cipher) FROM settlements WHERE setl_id = 'S-OLD'");
        long bytes = Sql.count(
                db.target(), "SELECT pg_column_size(document_sealed) FROM settlements WHERE setl_id = 'S-NEW'");
        assertThat(bytes).as("bytes %d against text %d", bytes, text).isLessThanOrEqualTo(text * 4 / 5);
    }
}
