package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.crypto.Sm3;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Writes audit records inside the caller's transaction, so that a record exists exactly when the change it describes
 * does: into {@code audit_pending}, from where {@link PgAuditChainer} moves committed records into the SM3-chained
 * {@code audit_log}. {@code hash = SM3(prev_hash ‖ "\n" ‖ seq ‖ "\n" ‖ at ‖ "\n" ‖ actor ‖ "\n" ‖ action ‖ "\n" ‖
 * subject ‖ "\n" ‖ details)}; details never hold identity numbers or names.
 */
public final class PgAudit {
    private PgAudit() {}

    /** One record of the log. */
    public record Entry(
            long seq,
            Instant at,
            String actor,
            String action,
            String subject,
            String details,
            String prevHash,
            String hash) {}

    /**
     * One plain INSERT: no lock is taken, so changes no longer wait for each other here (the chain's head was locked
     * from this point to the commit before; docs/PERFORMANCE.md).
     */
    public static Future<Void> append(
            SqlConnection tx, String actor, String action, String subject, String details, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return tx.preparedQuery("INSERT INTO audit_pending (at, actor, action, subject, details) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(at.atOffset(ZoneOffset.UTC), actor, action, subject, details))
                .mapEmpty();
    }

    static String hash(String prev, long seq, Instant at, String actor, String action, String subject, String details) {
        String record = prev + "\n" + seq + "\n" + at + "\n" + actor + "\n" + action + "\n" + subject + "\n" + details;
        return Sm3.hex(record.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the entry's hash and its link to the previous hash hold. */
    public static boolean valid(Entry e, String expectedPrev) {
        return e.prevHash().equals(expectedPrev)
                && e.hash()
                        .equals(hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.details()));
    }
}
