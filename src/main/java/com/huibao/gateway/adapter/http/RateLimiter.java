package com.huibao.gateway.adapter.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client token buckets on this instance: {@code perSecond} requests a second with bursts of {@code burst}. A
 * client beyond its rate is told how long to wait (429, {@code Retry-After}).
 */
public final class RateLimiter {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;
    }

    public RateLimiter(int perSecond, int burst, LongSupplier nanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** 0 when the request may go ahead, else the whole seconds to wait. */
    public long acquire(String clientId) {
        long now = nanos.getAsLong();
        Bucket b = buckets.computeIfAbsent(clientId, k -> {
            Bucket n = new Bucket();
            n.tokens = burst;
            n.at = now;
            return n;
        });
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }
}
