package com.huibao.gateway.boot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Forgets the ids of expired request tokens every interval, in batches with a pause between them, so that a purge
 * never holds the database in one long statement: a minute of a busy instance's tokens deleted at once took a
 * sequential scan and a burst of writes (docs/PERFORMANCE.md). A pass stops at the first batch that is not full, or
 * at the first failure (the next interval tries again).
 */
final class TokenPurge {
    /** Deletes at most the given number of ids expired before the given instant; answers how many it deleted. */
    interface Batch extends BiFunction<Instant, Integer, Future<Integer>> {}

    private final Vertx vertx;
    private final Batch purge;
    private final Clock clock;
    private final long intervalMillis;
    private final long pauseMillis;
    private final int batch;
    private long timer = -1;
    private boolean running;
    private boolean stopped;

    TokenPurge(Vertx vertx, Batch purge, Clock clock, long intervalMillis, long pauseMillis, int batch) {
        this.vertx = vertx;
        this.purge = purge;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.pauseMillis = pauseMillis;
        this.batch = batch;
    }

    void start() {
        timer = vertx.setPeriodic(intervalMillis, id -> pass());
    }

    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** One pass, unless the previous one is still going; runs on the timer's event loop. */
    void pass() {
        if (running || stopped) {
            return;
        }
        running = true;
        next();
    }

    private void next() {
        if (stopped) { // stopped during the pause before this batch
            running = false;
            return;
        }
        purge.apply(clock.instant(), batch).onComplete(ar -> {
            if (ar.succeeded() && ar.result() >= batch) {
                vertx.setTimer(pauseMillis, id -> next());
            } else {
                running = false;
            }
        });
    }
}
