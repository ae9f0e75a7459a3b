package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.Failure;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.io.IOException;

/**
 * SQLSTATE → what the caller should be told. Connection loss, shutdown, serialization failures and deadlocks mean
 * "retry later, nothing was written" (the transaction rolled back); anything else is a bug and stays a 500.
 */
public final class PgErrors {
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String DEADLOCK = "40P01";

    private PgErrors() {}

    public static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (unavailable(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof PgException e) {
            String state = e.getSqlState();
            return state != null
                    && (state.startsWith("08")
                            || state.startsWith("57")
                            || state.startsWith("53")
                            || state.equals(SERIALIZATION_FAILURE)
                            || state.equals(DEADLOCK));
        }
        String name = t.getClass().getName();
        // Any I/O failure on the way to the database is the connection's: cut while the server stops ("Connection
        // reset", found by scripts/chaos), or written to after it went ("Broken pipe", found by ChaosIT once pipelined
        // transactions wrote several statements at a time), refused, closed. Both were 500s until classified here.
        return t instanceof IOException
                || t instanceof NoStackTraceThrowable
                        && String.valueOf(t.getMessage()).contains("closed")
                || name.endsWith("ClosedConnectionException")
                || name.endsWith("NoStackTraceTimeoutException")
                || t instanceof VertxException && String.valueOf(t.getMessage()).contains("onnection")
                || poolTimeoutRace(t);
    }

    /**
     * vertx-sql-client 5.0's pool, when a wait for a connection times out just as one is handed over, fails the
     * already completed request and throws {@code IllegalStateException} into the next caller of the pool (seen under
     * {@code scripts/bench} load with a pool too small; the same family as eclipse-vertx/vertx-sql-client#1706).
     * Nothing was sent to the database for that caller: retry later.
     */
    private static boolean poolTimeoutRace(Throwable t) {
        if (!(t instanceof IllegalStateException)) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.vertx.sqlclient.impl.pool.")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUniqueViolation(Throwable t) {
        return t instanceof PgException e && UNIQUE_VIOLATION.equals(e.getSqlState());
    }

    /** Unavailable database errors as {@link Failure.Unavailable}; everything else unchanged. */
    public static Throwable translate(Throwable t) {
        return isUnavailable(t)
                ? new Failure.Unavailable(
                        "DATABASE_UNAVAILABLE", "the database is unavailable; nothing was changed, retry later")
                : t;
    }
}
