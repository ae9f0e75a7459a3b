package com.huibao.gateway.adapter.pg;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Money after the counter as metrics, per insurer: {@code huibao_claims_outstanding_amount} (what insurers still owe
 * hospitals on their standing direct-settlement claims) and {@code huibao_claims_receivable_amount} (what was paid
 * beyond a claim's share: reversed after payment, or lowered by a partial refund). Read from the claims when
 * {@code /metrics} is scraped, at most every {@value #REFRESH_MILLIS} ms.
 */
public final class PgMoneyGauges {
    static final long REFRESH_MILLIS = 5000;
    private static final String FIGURES = "SELECT insurer_id, "
            + "sum(CASE WHEN state = 'REVERSED' THEN 0 ELSE greatest(pays_hospital - remitted, 0) END), "
            + "sum(CASE WHEN state = 'REVERSED' THEN remitted ELSE greatest(remitted - pays_hospital, 0) END) "
            + "FROM claims WHERE channel = 'DIRECT_SETTLEMENT' GROUP BY insurer_id";

    private final Pool pool;
    private final MultiGauge outstanding;
    private final MultiGauge receivable;
    private volatile long refreshedAt;

    public PgMoneyGauges(Pool pool, MeterRegistry metrics) {
        this.pool = pool;
        this.outstanding = MultiGauge.builder("huibao_claims_outstanding_amount")
                .description("owed by the insurer to hospitals on standing direct-settlement claims, yuan")
                .register(metrics);
        this.receivable = MultiGauge.builder("huibao_claims_receivable_amount")
                .description("paid beyond a claim's share (reversed or refunded after payment), yuan")
                .register(metrics);
    }

    /** Reads the figures again unless they were read within the last few seconds; never fails. */
    public Future<Void> refresh() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < REFRESH_MILLIS) {
            return Future.succeededFuture();
        }
        refreshedAt = now;
        return pool.query(FIGURES)
                .execute()
                .map(rows -> {
                    List<MultiGauge.Row<?>> owed = new ArrayList<>();
                    List<MultiGauge.Row<?>> back = new ArrayList<>();
                    for (Row r : rows) {
                        Tags tags = Tags.of("insurer", r.getString(0));
                        owed.add(MultiGauge.Row.of(tags, r.getBigDecimal(1).doubleValue()));
                        back.add(MultiGauge.Row.of(tags, r.getBigDecimal(2).doubleValue()));
                    }
                    outstanding.register(owed, true);
                    receivable.register(back, true);
                    return (Void) null;
                })
                .otherwiseEmpty();
    }
}
