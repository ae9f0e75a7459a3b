package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.adapter.pg.AuditVerifier;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.boot.VerifyAuditCommand;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every state change leaves a chained audit record; tampering is found and named. */
class AuditChainTest {
    @Test
    void the_chain_verifies_after_a_scenario_and_a_tampered_row_is_named() throws Exception {
        try (TestGateway gw = TestGateway.start(Map.of())) {
            DbTarget db = gw.gateway().database();
            gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.outpatient("S-A1"));
            gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-A2", Settlements.inpatient("S-A2"));
            gw.signed("demo-hospital", "POST", "/v1/direct-settlements/S-A2/reversal", null);
            gw.signed(
                    "demo-insurer-hmb",
                    "POST",
                    "/v1/quick-claims",
                    "{\"setl_id\":\"S-A1\",\"policy_no\":\"HMB26-000001\"}".getBytes(StandardCharsets.UTF_8));
            // written in each change's transaction, linked into the chain by the chainer shortly after the commit
            Sql.awaitCount(db, "SELECT count(*) FROM audit_log", 4, 10);
            assertThat(Sql.count(db, "SELECT count(*) FROM audit_pending")).isZero();
            assertThat(Sql.count(db, "SELECT count(*) FROM audit_log WHERE pending_id IS NOT NULL"))
                    .isEqualTo(4);
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM audit_log WHERE details LIKE '%310101198001010011%' "
                                    + "OR details LIKE '%张三%'"))
                    .isZero();

            AuditVerifier.Result ok = AuditVerifier.verify(db);
            assertThat(ok.ok()).isTrue();
            assertThat(ok.verified()).isEqualTo(4);
            assertThat(ok.pending()).isZero();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String url = "postgresql://" + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.database();
            assertThat(VerifyAuditCommand.run(
                            new String[] {"--db-url", url}, Map.of(), new PrintStream(out), System.err))
                    .isZero();
            assertThat(out.toString()).contains("audit chain OK: 4");

            assertThatThrownBy(() -> Sql.update(db, "UPDATE audit_log SET details = '{}' WHERE seq = 2"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> Sql.update(db, "DELETE FROM audit_log WHERE seq = 4"))
                    .hasMessageContaining("append-only");

            // A written record cannot be changed or dropped before it is chained either. Holding the head's lock here
            // keeps the chainer off (it skips a locked head) while the record waits.
            long waitingRecords;
            try (Connection holder = Sql.connect(db)) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("SELECT * FROM audit_head FOR UPDATE");
                gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.outpatient("S-A3"));
                waitingRecords = Sql.count(db, "SELECT count(*) FROM audit_pending");
                assertThat(waitingRecords).isPositive();
                assertThatThrownBy(() -> Sql.update(db, "UPDATE audit_pending SET details = '{\"forged\":1}'"))
                        .hasMessageContaining("leave only by being chained");
                assertThatThrownBy(() -> Sql.update(db, "DELETE FROM audit_pending"))
                        .hasMessageContaining("leave only by being chained");
                AuditVerifier.Result waiting = AuditVerifier.verify(db);
                assertThat(waiting.ok()).isTrue();
                assertThat(waiting.verified()).isEqualTo(4);
                assertThat(waiting.pending()).isEqualTo(waitingRecords);
                out.reset();
                assertThat(VerifyAuditCommand.run(
                                new String[] {"--db-url", url}, Map.of(), new PrintStream(out), System.err))
                        .isZero();
                assertThat(out.toString())
                        .contains("4 record(s) verified; " + waitingRecords + " more written but not yet chained");
                holder.rollback();
            }
            Sql.awaitCount(db, "SELECT count(*) FROM audit_pending", 0, 10);
            assertThat(AuditVerifier.verify(db).verified()).isEqualTo(4 + waitingRecords);

            // Someone with the owner's rights disables the trigger and edits a record.
            Sql.update(db, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            Sql.update(db, "UPDATE audit_log SET details = '{\"claims_reversed\":0}' WHERE seq = 3");
            AuditVerifier.Result broken = AuditVerifier.verify(db);
            assertThat(broken.ok()).isFalse();
            assertThat(broken.firstBroken()).isEqualTo(3);
            out.reset();
            assertThat(VerifyAuditCommand.run(
                            new String[] {"--db-url", url}, Map.of(), new PrintStream(out), System.err))
                    .isEqualTo(1);
            assertThat(out.toString()).contains("BROKEN at record 3");
        }
    }
}
