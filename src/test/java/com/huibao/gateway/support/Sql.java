package com.huibao.gateway.support;

import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.codec.Deflated;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC against the test gateway's real database, to arrange and inspect state. */
public final class Sql {
    private Sql() {}

    public static Connection connect(DbTarget db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    public static int update(DbTarget db, String sql) {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DbTarget db, String sql) {
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text (null when SQL NULL). */
    public static String string(DbTarget db, String sql) {
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bodies of the outbox events {@code where} selects (SQL after WHERE), in order of seq, as the insurer gets
     * them: stored deflated since V16 ({@code payload_z}), as text before.
     */
    public static List<String> outboxPayloads(DbTarget db, String where) {
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT payload, payload_z FROM outbox WHERE " + where + " ORDER BY seq")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                byte[] z = rs.getBytes(2);
                out.add(z == null ? rs.getString(1) : Deflated.text(z, 64 << 20));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls {@code sql} (a count) until it gives {@code expected}, for what a background task does after a request
     * (the audit chainer); fails with the last value seen after {@code seconds}.
     */
    public static void awaitCount(DbTarget db, String sql, long expected, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long seen = count(db, sql);
        while (seen != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        sql + " gave " + seen + ", expected " + expected + " within " + seconds + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            seen = count(db, sql);
        }
    }
}
