package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Money under concurrency: duplicates pay once, distinct settlements of one policy never overspend. */
class DirectSettlementConcurrencyTest {
    private TestGateway gw;
    private DbTarget db;

    @BeforeEach
    void start() {
        gw = TestGateway.start(Map.of("GATEWAY_DB_POOL_SIZE", "24"));
        db = gw.gateway().database();
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private List<HttpResponse<String>> concurrently(int n, IntFunction<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(k);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hundred_concurrent_identical_confirms_pay_once_and_answer_alike() throws Exception {
        byte[] body = Examples.bytes("settlement-inpatient-1.json");
        List<HttpResponse<String>> responses = concurrently(
                100, i -> gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S20260315000001", body));
        Set<String> bodies = new HashSet<>();
        for (HttpResponse<String> r : responses) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            bodies.add(r.body());
        }
        assertThat(bodies).hasSize(1);
        assertThat(Sql.count(db, "SELECT count(*) FROM claims")).isEqualTo(2);
        assertThat(Sql.count(db, "SELECT count(*) FROM direct_settlements")).isEqualTo(1);
        assertThat(Sql.count(db, "SELECT count(DISTINCT setl_id) FROM accumulator_deltas"))
                .isEqualTo(1);
        assertThat(Sql.count(
                        db,
                        "SELECT (amount * 100)::bigint FROM accumulators WHERE policy_no = 'HMB26-000001' "
                                + "AND kind = 'total'"))
                .isEqualTo(320826);
        assertThat(Json.parse(bodies.iterator().next()).get("payout_total").asText())
                .isEqualTo("7552.33");
    }

    @Test
    void fifty_concurrent_settlements_of_one_policy_never_overspend_a_cap() throws Exception {
        // Leave 20,000.00 of the specialty-drug cap (1,000,000.00): 50 claims of 3,005.39 want 150,269.50.
        Sql.update(
                db,
                "INSERT INTO accumulators VALUES ('HMB26-000001', 'paid', 'SPECIALTY_DRUG', 980000.00), "
                        + "('HMB26-000001', 'total', '', 980000.00)");
        List<HttpResponse<String>> responses = concurrently(50, i -> {
            String id = String.format("S-CONC-%03d", i);
            return gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/" + id, Settlements.inpatient(id));
        });
        for (HttpResponse<String> r : responses) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        try (Connection c = Sql.connect(db)) {
            assertThat(sum(
                            c,
                            "SELECT amount FROM accumulators WHERE policy_no = 'HMB26-000001' AND kind = 'paid' "
                                    + "AND key = 'SPECIALTY_DRUG'"))
                    .isEqualByComparingTo("1000000.00");
            // Accumulators = initial + the sum of every recorded delta, key by key (the sequential sum).
            for (String[] k : new String[][] {
                {"deductible", "GENERAL"}, {"paid", "SPECIALTY_DRUG"}, {"total", ""}, {"paid", "INNOVATIVE"}
            }) {
                BigDecimal initial = k[1].equals("SPECIALTY_DRUG") || k[0].equals("total")
                        ? new BigDecimal("980000.00")
                        : BigDecimal.ZERO;
                assertThat(sum(
                                c,
                                "SELECT amount FROM accumulators WHERE policy_no = 'HMB26-000001' AND kind = '" + k[0]
                                        + "' AND key = '" + k[1] + "'"))
                        .isEqualByComparingTo(initial.add(sum(
                                c,
                                "SELECT sum(amount) FROM "
                                        + "accumulator_deltas WHERE policy_no = 'HMB26-000001' AND kind = '" + k[0]
                                        + "' AND key = '" + k[1]
                                        + "'")));
            }
            assertThat(sum(
                            c,
                            "SELECT amount FROM accumulators WHERE policy_no = 'HMB26-000001' AND kind = 'deductible' "
                                    + "AND key = 'GENERAL'"))
                    .isEqualByComparingTo("20000.00");
            assertThat(sum(c, "SELECT sum(payout) FROM claims WHERE policy_no = 'HMB26-000001'"))
                    .isEqualByComparingTo(sum(
                                    c,
                                    "SELECT amount FROM accumulators WHERE policy_no = 'HMB26-000001' "
                                            + "AND kind = 'total'")
                            .subtract(new BigDecimal("980000.00")));
        }
        long capped = responses.stream()
                .map(r -> Json.parse(r.body()))
                .filter(j -> "annual_cap"
                        .equals(j.at("/policies/0/responsibilities/0/capped_by").asText()))
                .count();
        assertThat(capped).isGreaterThanOrEqualTo(1);
        assertThat(responses.stream()
                        .map(r -> Json.parse(r.body()))
                        .map(j -> new BigDecimal(
                                j.at("/policies/0/responsibilities/0/payable").asText()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("20000.00");
    }

    private static BigDecimal sum(Connection c, String sql) throws Exception {
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getBigDecimal(1) != null ? rs.getBigDecimal(1) : BigDecimal.ZERO;
        }
    }
}
