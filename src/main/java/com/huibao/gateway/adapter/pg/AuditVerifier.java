package com.huibao.gateway.adapter.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Walks the audit log in order and checks every link of the SM3 chain and the head; names the first broken record,
 * and counts the records written but not yet chained ({@code audit_pending}: committed within the last chainer
 * interval, or left by a stopped gateway until one runs again). Blocking (JDBC): for the {@code verify-audit}
 * command and tests.
 */
public final class AuditVerifier {
    private AuditVerifier() {}

    /**
     * The verdict: how many records hold, the first broken one (null when the chain holds), and how many records wait
     * to be chained.
     */
    public record Result(long verified, Long firstBroken, String reason, long pending) {
        public boolean ok() {
            return firstBroken == null;
        }
    }

    public static Result verify(DbTarget db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.setReadOnly(true);
            // one snapshot for the chain, the head and the pending records (a chainer may run meanwhile)
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            String prev = "0".repeat(64);
            long expectedSeq = 1;
            long verified = 0;
            try (PreparedStatement s =
                    c.prepareStatement("SELECT seq, at, actor, action, subject, details, prev_hash, hash "
                            + "FROM audit_log ORDER BY seq")) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        PgAudit.Entry e = new PgAudit.Entry(
                                rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8));
                        if (e.seq() != expectedSeq) {
                            return new Result(verified, expectedSeq, "record " + expectedSeq + " is missing", 0);
                        }
                        if (!PgAudit.valid(e, prev)) {
                            return new Result(
                                    verified,
                                    e.seq(),
                                    e.prevHash().equals(prev)
                                            ? "its content does not match its hash"
                                            : "it does not link to the previous record",
                                    0);
                        }
                        prev = e.hash();
                        verified++;
                        expectedSeq++;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != verified || !rs.getString(2).equals(prev)) {
                    return new Result(
                            verified,
                            verified + 1,
                            "the head names record " + rs.getLong(1) + ": records were removed from the end",
                            0);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM audit_pending");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Result(verified, null, null, rs.getLong(1));
            }
        }
    }
}
