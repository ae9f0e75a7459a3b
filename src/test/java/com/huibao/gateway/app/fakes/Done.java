package com.huibao.gateway.app.fakes;

import io.vertx.core.Future;

/** The outcome of a future of the in-memory stores, which completes at once: its result, or its failure thrown. */
public final class Done {
    private Done() {}

    public static <T> T await(Future<T> f) {
        if (!f.isComplete()) {
            throw new AssertionError("in-memory futures complete at once");
        }
        if (f.failed()) {
            if (f.cause() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(f.cause());
        }
        return f.result();
    }
}
