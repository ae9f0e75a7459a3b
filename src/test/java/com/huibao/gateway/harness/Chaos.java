package com.huibao.gateway.harness;

import com.huibao.gateway.adapter.pg.AuditVerifier;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.adapter.pg.EmbeddedDatabase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Dirs;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.WebhookReceiver;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault harness ({@code scripts/chaos}): confirm load with client retries of the same idempotent request while
 * (1) the gateway is killed with SIGKILL and restarted (with partial refunds and insurer payments of the acknowledged
 * confirms running throughout), (2) PostgreSQL restarts, (3) two instances share the database under mixed load.
 * After each: every acknowledged confirm stored once with the acknowledged amounts, no claim
 * doubled, accumulators equal to the sum of what is stored, every webhook event delivered, every stored confirm
 * audited by exactly one chained record and the audit chain verifying; every acknowledged refund and payment stored,
 * no payment applied twice. Prints the figures and fails on any breach.
 */
public final class Chaos {
    /** One scenario's figures. */
    public record Figures(
            String scenario,
            int requests,
            int acknowledged,
            long stored,
            long missing,
            long mismatched,
            long doubled,
            long drift,
            long serverErrors,
            long unavailable,
            long lostEvents,
            long unaudited,
            Map<Integer, Integer> statuses,
            Money money) {
        /** Partial refunds and payments acknowledged during the scenario, and the breaches of their invariants. */
        public record Money(int refunds, int payments, long lost, long appliedTwice) {
            static final Money NONE = new Money(0, 0, 0, 0);

            boolean ok() {
                return lost == 0 && appliedTwice == 0;
            }
        }

        public boolean ok() {
            return money.ok()
                    && missing == 0
                    && mismatched == 0
                    && doubled == 0
                    && drift == 0
                    && serverErrors == 0
                    && lostEvents == 0
                    && unaudited == 0
                    && acknowledged > 0;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-22s requests %6d  acknowledged %5d  stored %5d  missing %d  mismatched %d  doubled %d  "
                            + "drift %d  5xx-other-than-503 %d  503 %d  lost-events %d  unaudited %d  refunds %d  "
                            + "payments %d  money-lost %d  money-applied-twice %d  %s  statuses %s",
                    scenario,
                    requests,
                    acknowledged,
                    stored,
                    missing,
                    mismatched,
                    doubled,
                    drift,
                    serverErrors,
                    unavailable,
                    lostEvents,
                    unaudited,
                    money.refunds(),
                    money.payments(),
                    money.lost(),
                    money.appliedTwice(),
                    ok() ? "OK" : "BREACH",
                    statuses);
        }
    }

    private static final Map<String, String> GATEWAY_ENV = Map.of(
            "GATEWAY_WEBHOOKS_POLL_MILLIS", "200",
            "GATEWAY_WEBHOOKS_LEASE_SECONDS", "3",
            "GATEWAY_WEBHOOKS_BASE_BACKOFF_MILLIS", "100",
            "GATEWAY_WEBHOOKS_MAX_ATTEMPTS", "1000",
            "GATEWAY_DB_POOL_SIZE", "8");

    private final int settlements;
    private final int persons;
    private final Path work;
    private final Client hospital = Client.demo("demo-hospital");
    private final Client insurer = Client.demo("demo-insurer-hmb");
    private final Client feed = Client.demo("demo-datafeed");

    public Chaos(int settlements, int persons, Path work) {
        this.settlements = settlements;
        this.persons = persons;
        this.work = work;
    }

    /** Runs the three scenarios on one database; returns their figures. */
    public List<Figures> runAll() throws Exception {
        Files.createDirectories(work);
        Path data = work.resolve("pg-" + UUID.randomUUID());
        List<Figures> out = new ArrayList<>();
        // not "clean": a clean embedded database deletes its directory when it stops, and this one must restart
        EmbeddedDatabase pg = EmbeddedDatabase.start(data, 0, false);
        int pgPort = pg.target().port();
        String url = "postgresql://postgres@localhost:" + pgPort + "/postgres";
        int portA = GatewayProcess.freePort();
        int portB = GatewayProcess.freePort();
        try (WebhookReceiver receiver = new WebhookReceiver().up()) {
            GatewayProcess a = GatewayProcess.start(portA, url, GATEWAY_ENV, work.resolve("gateway-a.log"));
            try {
                setUp(a.uri(), receiver);

                // (1) kill -9 mid-load, restart, clients retry
                Confirms load = new Confirms(List.of(a.uri()), "K-", settlements, persons);
                AfterTheCounter money = new AfterTheCounter(List.of(a.uri()), load);
                Thread runner = load.start(12);
                Thread counter = money.start(4);
                load.awaitAcknowledged(settlements / 3);
                a.kill9();
                Thread.sleep(500);
                a = GatewayProcess.start(portA, url, GATEWAY_ENV, work.resolve("gateway-a.log"));
                runner.join();
                money.finish();
                counter.join();
                out.add(check("kill -9 + restart", load, money, pg.target(), receiver));

                // (2) PostgreSQL restarts mid-load: 503 while it is down, recovery without a restart of the gateway
                load = new Confirms(List.of(a.uri()), "P-", settlements, persons);
                runner = load.start(16);
                load.awaitAcknowledged(settlements / 3);
                pg.close();
                HttpResponse<String> down = hospital.send(
                        a.uri(), "PUT", "/v1/direct-settlements/P-PROBE", BenchData.settlement("P-PROBE", 0, 1));
                load.note(down.statusCode());
                Thread.sleep(3000);
                pg = EmbeddedDatabase.start(data, pgPort, false);
                runner.join();
                Figures f = check("postgres restart", load, null, pg.target(), receiver);
                if (down.statusCode() != 503) {
                    f = new Figures(
                            f.scenario(),
                            f.requests(),
                            f.acknowledged(),
                            f.stored(),
                            f.missing(),
                            f.mismatched(),
                            f.doubled(),
                            f.drift(),
                            f.serverErrors() + 1,
                            f.unavailable(),
                            f.lostEvents(),
                            f.unaudited(),
                            f.statuses(),
                            f.money());
                }
                out.add(f);

                // (3) two instances on one database, mixed load
                try (GatewayProcess b = GatewayProcess.start(portB, url, GATEWAY_ENV, work.resolve("gateway-b.log"))) {
                    load = new Confirms(List.of(a.uri(), b.uri()), "T-", settlements, persons);
                    Mixed mixed = new Mixed(List.of(a.uri(), b.uri()), load);
                    runner = load.start(12);
                    Thread other = mixed.start(4);
                    runner.join();
                    mixed.stop();
                    other.join();
                    out.add(check("two instances, mixed", load, null, pg.target(), receiver));
                }
            } finally {
                a.close();
            }
        } finally {
            pg.close();
            Dirs.deleteQuietly(data);
        }
        return out;
    }

    /** Publishes the lists, the plan, the policies, QUICK_CLAIM consents, and the insurer's webhook. */
    private void setUp(URI gw, WebhookReceiver receiver) throws IOException {
        expect(
                insurer.send(gw, "PUT", "/v1/lists/BENCH-DRUGS/versions/1", BenchData.list("BENCH-DRUGS", 5000, 1)),
                201);
        expect(
                insurer.send(gw, "PUT", "/v1/lists/BENCH-DEVICES/versions/1", BenchData.list("BENCH-DEVICES", 5000, 2)),
                201);
        expect(insurer.send(gw, "PUT", "/v1/plans/" + BenchData.PLAN, BenchData.plan()), 201);
        for (int from = 0; from < persons; from += 10_000) {
            expect(
                    insurer.send(
                            gw, "POST", "/v1/policies", BenchData.policies(from, Math.min(persons, from + 10_000))),
                    201);
        }
        for (int i = 0; i < persons; i++) {
            expect(
                    Client.patient(BenchData.patientToken(i))
                            .send(
                                    gw,
                                    "POST",
                                    "/v1/me/consents",
                                    ("{\"insurer_id\":\""
                                                    + BenchData.INSURER
                                                    + "\",\"purposes\":[\"QUICK_CLAIM\",\"DIRECT_SETTLEMENT\"],\"covers_from\":"
                                                    + "\"2026-01-01\",\"expires_at\":\"2030-01-01T00:00:00+08:00\"}")
                                            .getBytes()),
                    201);
        }
        expect(insurer.send(gw, "PUT", "/v1/webhook", ("{\"url\":\"" + receiver.url() + "\"}").getBytes()), 200);
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status && !(status == 201 && r.statusCode() == 200)) {
            throw new IllegalStateException("set-up failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** Confirms of distinct settlements, each retried (same body, new token) until acknowledged. */
    static final class Confirms {
        final List<URI> targets;
        final String prefix;
        final int n;
        final int persons;
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        /** Of each acknowledged confirm: the claim and its hospital share, when a policy paid. */
        final Map<String, String[]> claims = new ConcurrentHashMap<>();
        /** The acknowledged settlements in the order they were acknowledged. */
        final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();

        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger next = new AtomicInteger();
        final Client hospital = Client.demo("demo-hospital");

        Confirms(List<URI> targets, String prefix, int n, int persons) {
            this.targets = targets;
            this.prefix = prefix;
            this.n = n;
            this.persons = persons;
        }

        void note(int status) {
            statuses.merge(status, 1, Integer::sum);
        }

        Thread start(int workers) {
            return inBackground("confirms-" + prefix, workers, this::work);
        }

        private void work() {
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                String setl = prefix + k;
                byte[] body = BenchData.settlement(setl, k % persons, k);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                    URI target = targets.get((k + attempt) % targets.size());
                    int status;
                    String answer = null;
                    try {
                        requests.incrementAndGet();
                        HttpResponse<String> r = hospital.send(target, "PUT", "/v1/direct-settlements/" + setl, body);
                        status = r.statusCode();
                        answer = r.body();
                    } catch (IOException e) {
                        status = -1; // connection refused or cut: the gateway is down
                    }
                    note(status);
                    if (status == 200) {
                        var confirmed = Json.parse(answer);
                        for (var p : confirmed.get("policies")) {
                            if (p.hasNonNull("claim_id")) {
                                claims.put(setl, new String[] {
                                    p.get("claim_id").asText(),
                                    p.get("pays_hospital").asText()
                                });
                            }
                        }
                        if (acknowledged.put(setl, confirmed.get("payout_total").asText()) == null) {
                            order.add(setl);
                        }
                        break;
                    }
                    if (status >= 400 && status < 500 && status != 429) {
                        break; // a refusal is final (and a breach: these bodies are valid)
                    }
                    sleep(100 + ThreadLocalRandom.current().nextInt(200));
                }
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            while (acknowledged.size() < count && next.get() < n) {
                Thread.sleep(20);
            }
        }
    }

    /**
     * Money after the counter on acknowledged confirms: every second one partly refunded (line 4), every third one
     * paid by the insurer in a batch of its own; each request retried (same body, new token) until acknowledged.
     */
    static final class AfterTheCounter {
        private final List<URI> targets;
        private final Confirms confirms;
        private final AtomicBoolean confirmsDone = new AtomicBoolean();
        final Set<String> refunds = ConcurrentHashMap.newKeySet();
        final Set<String> payments = ConcurrentHashMap.newKeySet();

        AfterTheCounter(List<URI> targets, Confirms confirms) {
            this.targets = targets;
            this.confirms = confirms;
        }

        Thread start(int workers) {
            return inBackground("after-the-counter", workers, this::work);
        }

        /** The confirms are over: work off what is left, then stop. */
        void finish() {
            confirmsDone.set(true);
        }

        private void work() {
            Client hospital = Client.demo("demo-hospital");
            Client insurer = Client.demo("demo-insurer-hmb");
            while (true) {
                String setl = confirms.order.poll();
                if (setl == null) {
                    if (confirmsDone.get()) {
                        return;
                    }
                    sleep(20);
                    continue;
                }
                int k = Integer.parseInt(setl.substring(confirms.prefix.length()));
                String[] claim = confirms.claims.get(setl);
                if (k % 3 == 0 && claim != null) {
                    String batch = "PAY-" + setl;
                    byte[] body = ("{\"batch_id\":\"" + batch + "\",\"payee\":\"H31010100001\",\"amount\":\""
                                    + claim[1] + "\",\"value_date\":\"2026-03-20\",\"items\":[{\"claim_id\":\""
                                    + claim[0] + "\",\"amount\":\"" + claim[1] + "\"}]}")
                            .getBytes(StandardCharsets.UTF_8);
                    if (new BigDecimal(claim[1]).signum() > 0 && retried(insurer, "POST", "/v1/payments", body, k)) {
                        payments.add(batch);
                    }
                }
                if (k % 2 == 0) {
                    String refundId = "RF-" + setl;
                    byte[] body = BenchData.refundOfLine4(refundId, setl, k % confirms.persons, k);
                    if (retried(hospital, "POST", "/v1/direct-settlements/" + setl + "/refunds", body, k)) {
                        refunds.add(setl + "/" + refundId);
                    }
                }
            }
        }

        /** Sends until a 2xx (acknowledged) or a final refusal; notes every status with the confirms'. */
        private boolean retried(Client client, String method, String path, byte[] body, int k) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                int status;
                try {
                    status = client.send(targets.get((k + attempt) % targets.size()), method, path, body)
                            .statusCode();
                } catch (IOException e) {
                    status = -1;
                }
                confirms.note(status);
                if (status / 100 == 2) {
                    return true;
                }
                if (status >= 400 && status < 500 && status != 429) {
                    return false;
                }
                sleep(100 + ThreadLocalRandom.current().nextInt(200));
            }
            return false;
        }
    }

    /** Previews, intakes with quick claims, and reversals of acknowledged confirms, on every instance. */
    static final class Mixed {
        private final List<URI> targets;
        private final Confirms confirms;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger next = new AtomicInteger();

        Mixed(List<URI> targets, Confirms confirms) {
            this.targets = targets;
            this.confirms = confirms;
        }

        Thread start(int workers) {
            return inBackground("mixed", workers, this::work);
        }

        void stop() {
            running.set(false);
        }

        private void work() {
            Client hospital = Client.demo("demo-hospital");
            Client insurer = Client.demo("demo-insurer-hmb");
            Client feed = Client.demo("demo-datafeed");
            while (running.get()) {
                int j = next.getAndIncrement();
                URI one = targets.get(j % targets.size());
                URI other = targets.get((j + 1) % targets.size());
                int person = j % confirms.persons;
                try {
                    switch (j % 3) {
                        case 0 ->
                            confirms.note(hospital.send(
                                            one,
                                            "POST",
                                            "/v1/direct-settlements/preview",
                                            BenchData.settlement("MP-" + j, person, j))
                                    .statusCode());
                        case 1 -> {
                            String setl = "MQ-" + j;
                            int intake = feed.send(
                                            one, "POST", "/v1/settlements", BenchData.settlement(setl, person, j))
                                    .statusCode();
                            confirms.note(intake);
                            if (intake / 100 == 2) {
                                confirms.note(insurer.send(
                                                other,
                                                "POST",
                                                "/v1/quick-claims",
                                                ("{\"setl_id\":\"" + setl + "\",\"policy_no\":\""
                                                                + BenchData.policyNo(person) + "\"}")
                                                        .getBytes())
                                        .statusCode());
                            }
                        }
                        default -> {
                            List<String> acked = new ArrayList<>(confirms.acknowledged.keySet());
                            if (!acked.isEmpty() && j % 2 == 0) {
                                String setl =
                                        acked.get(ThreadLocalRandom.current().nextInt(acked.size()));
                                confirms.note(hospital.send(
                                                other, "POST", "/v1/direct-settlements/" + setl + "/reversal", null)
                                        .statusCode());
                            }
                        }
                    }
                } catch (IOException e) {
                    confirms.note(-1);
                }
            }
        }
    }

    private Figures check(String scenario, Confirms load, AfterTheCounter money, DbTarget db, WebhookReceiver receiver)
            throws Exception {
        Map<String, String> stored = new HashMap<>();
        long doubled;
        long drift;
        try (Connection c = Sql.connect(db);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT setl_id, payout_total FROM direct_settlements WHERE setl_id LIKE '" + load.prefix + "%'")) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getBigDecimal(2).toPlainString());
                }
            }
            doubled = single(
                    s,
                    "SELECT count(*) FROM (SELECT 1 FROM claims GROUP BY setl_id, policy_no "
                            + "HAVING count(*) > 1) d");
            // accumulators = the sum of the deltas still in force, and each policy's total = its claims not reversed
            drift = single(
                            s,
                            "SELECT count(*) FROM accumulators a FULL JOIN (SELECT policy_no, kind, key, sum(amount) s "
                                    + "FROM accumulator_deltas WHERE NOT reversed GROUP BY 1, 2, 3) d ON a.policy_no = d.policy_no "
                                    + "AND a.kind = d.kind AND a.key = d.key WHERE coalesce(a.policy_no, d.policy_no) LIKE 'BENCH-%' "
                                    + "AND coalesce(a.amount, 0) <> coalesce(d.s, 0)")
                    + single(
                            s,
                            "SELECT count(*) FROM policies p LEFT JOIN accumulators a ON a.policy_no = p.policy_no "
                                    + "AND a.kind = 'total' AND a.key = '' LEFT JOIN (SELECT policy_no, sum(payout) s FROM claims "
                                    + "WHERE state <> 'REVERSED' GROUP BY 1) c ON c.policy_no = p.policy_no WHERE p.policy_no LIKE 'BENCH-%' "
                                    + "AND coalesce(a.amount, 0) <> coalesce(c.s, 0)");
        }
        long missing = 0;
        long mismatched = 0;
        for (Map.Entry<String, String> ack : load.acknowledged.entrySet()) {
            String got = stored.get(ack.getKey());
            if (got == null) {
                missing++;
            } else if (!got.equals(ack.getValue())) {
                mismatched++;
            }
        }
        long lost = lostEvents(db, receiver);
        long unaudited = unaudited(db, load.prefix);
        Figures.Money after = money == null ? Figures.Money.NONE : money(money, load.prefix, db);
        long serverErrors = load.statuses.entrySet().stream()
                        .filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                + load.statuses.entrySet().stream()
                        .filter(e -> e.getKey() >= 400 && e.getKey() < 500 && e.getKey() != 429 && e.getKey() != 409)
                        .mapToLong(Map.Entry::getValue)
                        .sum();
        return new Figures(
                scenario,
                load.requests.get(),
                load.acknowledged.size(),
                stored.size(),
                missing,
                mismatched,
                doubled,
                drift,
                serverErrors,
                load.statuses.getOrDefault(503, 0),
                lost,
                unaudited,
                new TreeMap<>(load.statuses),
                after);
    }

    /**
     * Every acknowledged refund and payment stored (once: their keys are unique), and on every claim exactly what
     * its payment items applied (a payment applied twice would show as more).
     */
    private static Figures.Money money(AfterTheCounter money, String prefix, DbTarget db) throws Exception {
        long lost = 0;
        for (String r : money.refunds) {
            String[] key = r.split("/");
            lost += 1
                    - Sql.count(
                            db,
                            "SELECT count(*) FROM direct_settlement_refunds WHERE setl_id = '" + key[0]
                                    + "' AND refund_id = '" + key[1] + "'");
        }
        for (String b : money.payments) {
            lost += 1 - Sql.count(db, "SELECT count(*) FROM payment_batches WHERE batch_id = '" + b + "'");
        }
        long twice = Sql.count(
                db,
                "SELECT count(*) FROM claims c LEFT JOIN (SELECT claim_id, sum(applied) s FROM payment_items GROUP BY 1) "
                        + "i ON i.claim_id = c.claim_id WHERE c.setl_id LIKE '" + prefix
                        + "%' AND c.remitted <> coalesce(i.s, 0)");
        twice += Sql.count(
                db,
                "SELECT count(*) FROM (SELECT claim_id FROM claim_adjustments GROUP BY claim_id, refund_id "
                        + "HAVING count(*) > 1) d");
        return new Figures.Money(money.refunds.size(), money.payments.size(), lost, twice);
    }

    /**
     * Waits (up to a minute) for the audit records to be chained, then counts the breaches: stored confirms of this
     * load without exactly one chained record, plus one if the chain does not verify.
     */
    private static long unaudited(DbTarget db, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && Sql.count(db, "SELECT count(*) FROM audit_pending") > 0) {
            Thread.sleep(200);
        }
        long wrong = Sql.count(
                db,
                "SELECT count(*) FROM direct_settlements d LEFT JOIN (SELECT subject, count(*) n "
                        + "FROM audit_log WHERE action = 'DIRECT_SETTLEMENT_CONFIRMED' GROUP BY subject) a ON a.subject = d.setl_id "
                        + "WHERE d.setl_id LIKE '" + prefix + "%' AND coalesce(a.n, 0) <> 1");
        AuditVerifier.Result chain = AuditVerifier.verify(db);
        if (!chain.ok()) {
            System.out.println("audit chain broken at record " + chain.firstBroken() + ": " + chain.reason());
        }
        return wrong + (chain.ok() && chain.pending() == 0 ? 0 : 1);
    }

    /** Waits (up to a minute) for the insurer's events to be delivered; returns how many never reached the receiver. */
    private static long lostEvents(DbTarget db, WebhookReceiver receiver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline
                && Sql.count(
                                db,
                                "SELECT count(*) FROM outbox WHERE insurer_id = '" + BenchData.INSURER
                                        + "' AND state <> 'DELIVERED'")
                        > 0) {
            Thread.sleep(200);
        }
        Set<String> received = new HashSet<>();
        receiver.deliveries().forEach(d -> received.add(d.eventId()));
        long lost = 0;
        try (Connection c = Sql.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM outbox WHERE insurer_id = '" + BenchData.INSURER + "'")) {
            while (rs.next()) {
                if (!received.contains(rs.getString(1))) {
                    lost++;
                }
            }
        }
        return lost;
    }

    /** Runs {@code work} on {@code workers} threads; the returned thread ends when they all have. */
    static Thread inBackground(String name, int workers, Runnable work) {
        Thread t = new Thread(
                () -> {
                    ExecutorService pool = Executors.newFixedThreadPool(workers);
                    for (int w = 0; w < workers; w++) {
                        pool.submit(work);
                    }
                    pool.shutdown();
                    try {
                        pool.awaitTermination(30, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
        t.start();
        return t;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code scripts/chaos [settlements] [persons]}. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<Figures> all = new Chaos(n, persons, Path.of("target/chaos")).runAll();
        all.forEach(System.out::println);
        boolean ok = all.stream().allMatch(Figures::ok);
        System.out.println(ok ? "chaos: every invariant held" : "chaos: BREACH");
        System.exit(ok ? 0 : 1);
    }
}
