package com.huibao.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token purge's passes on a real Vert.x, against a scripted store: batch after batch while they come back full,
 * one pass at a time, and a failure ends the pass (the next interval tries again).
 */
class TokenPurgeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);
    private static final int BATCH = 100;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A store that answers the scripted counts in order (a negative count fails) and records each call. */
    private static final class Scripted implements TokenPurge.Batch {
        final Deque<Integer> answers;
        final List<Integer> asked = new ArrayList<>();
        final CountDownLatch done;
        Promise<Integer> held;
        boolean hold;

        Scripted(List<Integer> answers) {
            this.answers = new ArrayDeque<>(answers);
            this.done = new CountDownLatch(answers.size());
        }

        @Override
        public Future<Integer> apply(Instant now, Integer batch) {
            asked.add(batch);
            int n = answers.isEmpty() ? 0 : answers.poll();
            done.countDown();
            if (hold) {
                held = Promise.promise();
                return held.future();
            }
            return n < 0 ? Future.failedFuture("database unavailable") : Future.succeededFuture(n);
        }
    }

    private TokenPurge purge(Scripted store) {
        return new TokenPurge(vertx, store, CLOCK, 60_000, 5, BATCH);
    }

    private void onLoop(Runnable r) throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        vertx.runOnContext(v -> {
            r.run();
            ran.countDown();
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_pass_deletes_batch_after_batch_until_one_is_not_full() throws Exception {
        Scripted store = new Scripted(List.of(BATCH, BATCH, BATCH, 42));
        TokenPurge p = purge(store);

        onLoop(p::pass);

        assertThat(store.done.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // a fifth batch would come 5 ms after the fourth
        assertThat(store.asked).containsExactly(BATCH, BATCH, BATCH, BATCH);
    }

    @Test
    void a_failed_batch_ends_the_pass_and_the_next_pass_starts_afresh() throws Exception {
        Scripted store = new Scripted(List.of(BATCH, -1, 7));
        TokenPurge p = purge(store);

        onLoop(p::pass);
        Thread.sleep(100);
        assertThat(store.asked).as("the failure ended the pass").hasSize(2);

        onLoop(p::pass);
        assertThat(store.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(store.asked).hasSize(3);
    }

    @Test
    void a_pass_does_not_start_while_the_previous_one_runs() throws Exception {
        Scripted store = new Scripted(List.of(BATCH, 3));
        store.hold = true;
        TokenPurge p = purge(store);

        onLoop(p::pass);
        onLoop(p::pass);
        assertThat(store.asked)
                .as("the second pass waited for nothing: it did not start")
                .hasSize(1);

        store.hold = false;
        onLoop(() -> store.held.complete(BATCH));
        assertThat(store.done.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(store.asked).hasSize(2);
    }

    @Test
    void a_batch_due_after_stop_is_not_run() throws Exception {
        Scripted store = new Scripted(List.of(BATCH, BATCH, BATCH));
        TokenPurge p = new TokenPurge(vertx, store, CLOCK, 60_000, 200, BATCH);

        onLoop(() -> {
            p.pass();
            p.stop(); // during the pause before the second batch
        });
        Thread.sleep(500);

        assertThat(store.asked).as("only the batch before stop()").hasSize(1);
    }
}
