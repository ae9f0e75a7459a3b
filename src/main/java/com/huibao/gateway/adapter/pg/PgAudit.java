package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.adapter.crypto.Sm3;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the SM3-chained audit log inside the caller's transaction, so that the record exists exactly when the
 * change it describes does. {@code hash = SM3(prev_hash ‖ "\n" ‖ seq ‖ "\n" ‖ at ‖ "\n" ‖ actor ‖ "\n" ‖ action
 * ‖ "\n" ‖ subject ‖ "\n" ‖ details)}; details never hold identity numbers or names.
 */
public final class PgAudit {
  private PgAudit() {
  }

  /** One record of the log. */
  public record Entry(long seq, Instant at, String actor, String action, String subject, String details,
      String prevHash, String hash) {
  }

  public static Future<Void> append(SqlConnection tx, String actor, String action, String subject, String details,
      Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    return tx.query("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE").execute().compose(rows -> {
      Row head = rows.iterator().next();
      long seq = head.getLong(0) + 1;
      String prev = head.getString(1);
      String hash = hash(prev, seq, at, actor, action, subject, details);
      // one round trip for the record and the new head: the head's lock is held until commit, so every round
      // trip here delays every other change (docs/PERFORMANCE.md)
      return tx.preparedQuery("WITH logged AS (INSERT INTO audit_log (seq, at, actor, action, subject, details, "
              + "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)) "
              + "UPDATE audit_head SET seq = $1, hash = $8 WHERE id = 1")
          .execute(Tuple.of(seq, at.atOffset(ZoneOffset.UTC), actor, action, subject, details, prev, hash))
          .mapEmpty();
    });
  }

  static String hash(String prev, long seq, Instant at, String actor, String action, String subject,
      String details) {
    String record = prev + "\n" + seq + "\n" + at + "\n" + actor + "\n" + action + "\n" + subject + "\n" + details;
    return Sm3.hex(record.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the entry's hash and its link to the previous hash hold. */
  public static boolean valid(Entry e, String expectedPrev) {
    return e.prevHash().equals(expectedPrev)
        && e.hash().equals(hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.details()));
  }
}
