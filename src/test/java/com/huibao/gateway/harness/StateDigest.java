package com.huibao.gateway.harness;

import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.support.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Everything a request could change, in one line: row counts and sums of every business table (client token ids
 * excluded: refusing a request still spends its token). Equal digests before and after a request mean it changed
 * nothing.
 */
public final class StateDigest {
    private static final String SQL = "SELECT concat_ws('|', "
            + "(SELECT count(*) FROM settlements), (SELECT count(*) FROM direct_settlements), "
            + "(SELECT count(*) || ':' || coalesce(sum(payout), 0) || ':' || count(*) FILTER (WHERE state = 'PAID') "
            + "|| ':' || count(*) FILTER (WHERE state = 'REVERSED') FROM claims), "
            + "(SELECT count(*) || ':' || coalesce(sum(amount), 0) FROM accumulators), "
            + "(SELECT count(*) || ':' || count(*) FILTER (WHERE reversed) FROM accumulator_deltas), "
            + "(SELECT count(*) FROM policies), (SELECT count(*) FROM plan_versions), (SELECT count(*) FROM list_versions), "
            + "(SELECT count(*) || ':' || count(*) FILTER (WHERE revoked_at IS NOT NULL) FROM consents), "
            + "(SELECT count(*) || ':' || coalesce(string_agg(url || signature_alg, ',' ORDER BY insurer_id), '') "
            + "FROM webhooks), (SELECT count(*) FROM outbox), "
            // chained and pending audit records together: the chainer moves records from one to the other
            + "(SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_pending)), "
            + "(SELECT count(*) FROM access_log))";

    private StateDigest() {}

    public static String of(Connection c) {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SQL)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(DbTarget db) {
        try (Connection c = Sql.connect(db)) {
            return of(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
