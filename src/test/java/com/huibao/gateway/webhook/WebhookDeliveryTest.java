package com.huibao.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.adapter.pg.EmbeddedDatabase;
import com.huibao.gateway.adapter.pg.PgOutboxQueue;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.ResponseContract;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import com.huibao.gateway.support.WebhookCheck;
import com.huibao.gateway.support.WebhookReceiver;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Proactive-claim events reach insurers through the outbox: a real receiver (down, failing, slow), real signatures
 * checked with the published keys, two instances on one database, and a lease left by an instance that died.
 */
class WebhookDeliveryTest {
    /** Fast polling and back-off so that retries and parking happen within a test. */
    private static final Map<String, String> FAST = Map.of(
            "GATEWAY_WEBHOOKS_POLL_MILLIS", "100",
            "GATEWAY_WEBHOOKS_BASE_BACKOFF_MILLIS", "50",
            "GATEWAY_WEBHOOKS_MAX_ATTEMPTS", "6",
            "GATEWAY_WEBHOOKS_REQUEST_TIMEOUT_MILLIS", "2000");

    private static final String HMB_POLICY = "HMB26-000001";
    private static final String PMI_POLICY = "PMI-778899";

    @Test
    void events_wait_for_a_receiver_that_is_down_then_arrive_in_order_per_policy_signed_with_the_published_key()
            throws Exception {
        Map<String, String> patient = new HashMap<>(FAST);
        patient.put("GATEWAY_WEBHOOKS_MAX_ATTEMPTS", "50"); // retried, never parked, however slow the machine
        try (TestGateway gw = TestGateway.start(patient);
                WebhookReceiver hmb = new WebhookReceiver()) {
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> intake =
                        gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.inpatient("S-WH-A-" + i));
                assertThat(intake.statusCode()).as(intake.body()).isEqualTo(201);
            }
            assertThat(gw.signed(
                                    "demo-hospital",
                                    "PUT",
                                    "/v1/direct-settlements/S-WH-A-4",
                                    Settlements.inpatient("S-WH-A-4"))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(gw.signed("demo-hospital", "POST", "/v1/direct-settlements/S-WH-A-4/reversal", null)
                            .statusCode())
                    .isEqualTo(200);
            DbTarget db = gw.gateway().database();
            // 3 intakes x (settlement.available, claim.created) + the direct settlement's claim.created and
            // claim.reversed
            List<String> expected =
                    ids(db, "SELECT id FROM outbox WHERE ordering_key = '" + HMB_POLICY + "' ORDER BY seq");
            assertThat(expected).hasSize(8);
            assertThat(types(db, HMB_POLICY))
                    .containsExactly(
                            "settlement.available",
                            "claim.created",
                            "settlement.available",
                            "claim.created",
                            "settlement.available",
                            "claim.created",
                            "claim.created",
                            "claim.reversed");
            assertThat(Sql.count(db, "SELECT count(*) FROM outbox WHERE attempts > 0"))
                    .as("no endpoint yet")
                    .isZero();

            register(gw, "demo-insurer-hmb", hmb.url(), null);
            await(
                    "the first event to have failed twice",
                    () -> Sql.count(
                                    db,
                                    "SELECT count(*) FROM outbox WHERE id = '" + expected.get(0)
                                            + "' AND attempts >= 2 AND last_error IS NOT NULL AND state = 'PENDING'")
                            == 1);
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM outbox WHERE ordering_key = '" + HMB_POLICY
                                    + "' AND attempts > 0 AND id <> '" + expected.get(0) + "'"))
                    .as("later events wait for the first")
                    .isZero();
            hmb.up();
            await(
                    "every event delivered",
                    () -> Sql.count(
                                    db,
                                    "SELECT count(*) FROM outbox WHERE ordering_key = '" + HMB_POLICY
                                            + "' AND state = 'DELIVERED'")
                            == 8);

            List<String> firstArrivals = new ArrayList<>(new LinkedHashSet<>(hmb.deliveries().stream()
                    .map(WebhookReceiver.Delivery::eventId)
                    .toList()));
            assertThat(firstArrivals).isEqualTo(expected);
            JsonNode jwks = Json.parse(gw.get("/.well-known/jwks.json").body());
            WebhookCheck receiver = new WebhookCheck(jwks, Clock.systemUTC());
            Set<String> taken = new HashSet<>();
            for (WebhookReceiver.Delivery d : hmb.deliveries()) {
                JsonNode body = Json.parse(d.body());
                assertThat(body.get("id").asText()).isEqualTo(d.eventId());
                assertThat(body.get("type").asText()).isEqualTo(d.type());
                assertThat(body.get("created_at").asText()).isNotEmpty();
                assertThat(receiver.check(
                                d.eventId(),
                                d.timestamp(),
                                d.signature(),
                                (d.text() + " ").getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(WebhookCheck.Verdict.BAD_SIGNATURE);
                assertThat(receiver.check(d.eventId(), d.timestamp(), d.signature(), d.body()))
                        .as("delivery of " + d.eventId())
                        .isEqualTo(
                                taken.add(d.eventId()) ? WebhookCheck.Verdict.ACCEPTED : WebhookCheck.Verdict.REPLAYED);
                assertThat(d.text()).doesNotContain("310101198001010011").doesNotContain("张三");
                assertThat(ResponseContract.get().eventViolations(d.text()))
                        .as("the contract's webhooks section")
                        .isEmpty();
            }
            JsonNode created = Json.parse(hmb.deliveries().stream()
                    .filter(d -> d.type().equals("claim.created"))
                    .findFirst()
                    .orElseThrow()
                    .body());
            assertThat(created.at("/data/channel").asText()).isEqualTo("PROACTIVE_CLAIM");
            assertThat(created.at("/data/setl_id").asText()).isEqualTo("S-WH-A-1");
            assertThat(created.at("/data/policy_no").asText()).isEqualTo(HMB_POLICY);

            String metrics = gw.get("/metrics").body();
            assertThat(metrics)
                    .contains("huibao_outbox_pending")
                    .contains("huibao_webhook_delivery_latency")
                    .containsPattern("huibao_webhook_failures_total\\S* [1-9]")
                    .containsPattern("huibao_webhook_delivered_total\\S* [1-9]");
        }
    }

    @Test
    void an_event_that_keeps_failing_is_parked_holds_its_policy_back_and_is_delivered_after_a_replay_signed_sm2()
            throws Exception {
        try (TestGateway gw = TestGateway.start(FAST);
                WebhookReceiver pmi = new WebhookReceiver()) {
            pmi.answering(() -> 503, 0).up();
            HttpResponse<String> put = register(gw, "demo-insurer-pmi", pmi.url(), "SM2SM3");
            assertThat(Json.parse(put.body()).get("signature_alg").asText()).isEqualTo("SM2SM3");
            assertThat(gw.signed(
                                    "demo-hospital",
                                    "PUT",
                                    "/v1/direct-settlements/S-WH-B-1",
                                    Settlements.inpatient("S-WH-B-1"))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(gw.signed(
                                    "demo-hospital",
                                    "PUT",
                                    "/v1/direct-settlements/S-WH-B-2",
                                    Settlements.inpatient("S-WH-B-2"))
                            .statusCode())
                    .isEqualTo(200);
            DbTarget db = gw.gateway().database();
            List<String> expected =
                    ids(db, "SELECT id FROM outbox WHERE ordering_key = '" + PMI_POLICY + "' ORDER BY seq");
            assertThat(expected).hasSize(2);

            await("the first event parked", () -> parked(gw).size() == 1);
            JsonNode parked = parked(gw).get(0);
            assertThat(parked.get("id").asText()).isEqualTo(expected.get(0));
            assertThat(parked.get("attempts").asInt()).isEqualTo(6);
            assertThat(parked.get("last_error").asText()).isEqualTo("HTTP 503");
            assertThat(parked.at("/body/type").asText()).isEqualTo("claim.created");
            JsonNode pending = events(gw, "demo-insurer-pmi", "PENDING");
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).get("attempts").asInt())
                    .as("held back behind the parked event")
                    .isZero();
            assertThat(events(gw, "demo-insurer-hmb", null).toString()).doesNotContain(expected.get(0));

            pmi.answering(() -> 200, 0);
            Thread.sleep(600);
            assertThat(pmi.deliveries())
                    .as("a parked event waits for its replay")
                    .isEmpty();
            String replayPath = "/v1/webhook/events/" + expected.get(0) + "/replay";
            assertThat(gw.signed("demo-insurer-hmb", "POST", replayPath, null).statusCode())
                    .isEqualTo(404);
            assertThat(gw.signed("demo-insurer-pmi", "POST", "/v1/webhook/events/not-a-uuid/replay", null)
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> replay = gw.signed("demo-insurer-pmi", "POST", replayPath, null);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
            await("both delivered", () -> pmi.deliveries().size() >= 2);
            assertThat(pmi.deliveries().stream()
                            .map(WebhookReceiver.Delivery::eventId)
                            .distinct()
                            .toList())
                    .isEqualTo(expected);
            assertThat(gw.signed("demo-insurer-pmi", "POST", replayPath, null).statusCode())
                    .as("a delivered event is not replayed")
                    .isEqualTo(404);

            assertThat(Json.parse(put.body()).get("jwks").asText()).isEqualTo("/.well-known/sm2-jwks.json");
            JsonNode sm2Keys = Json.parse(gw.get("/.well-known/sm2-jwks.json").body());
            JsonNode esKeys = Json.parse(gw.get("/.well-known/jwks.json").body());
            assertThat(JWKSet.parse(esKeys.toString()).getKeys())
                    .as("one key per purpose")
                    .hasSize(3);
            WebhookCheck sm2Receiver = new WebhookCheck(sm2Keys, Clock.systemUTC());
            WebhookCheck esReceiver = new WebhookCheck(esKeys, Clock.systemUTC());
            Set<String> taken = new HashSet<>();
            for (WebhookReceiver.Delivery d : pmi.deliveries()) {
                assertThat(sm2Receiver.check(
                                d.eventId(), d.timestamp(), d.signature(), "{}".getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(WebhookCheck.Verdict.BAD_SIGNATURE);
                assertThat(esReceiver.check(d.eventId(), d.timestamp(), d.signature(), d.body()))
                        .isEqualTo(WebhookCheck.Verdict.UNKNOWN_KEY);
                assertThat(sm2Receiver.check(d.eventId(), d.timestamp(), d.signature(), d.body()))
                        .as("SM2 delivery of " + d.eventId())
                        .isEqualTo(
                                taken.add(d.eventId()) ? WebhookCheck.Verdict.ACCEPTED : WebhookCheck.Verdict.REPLAYED);
                assertThat(ResponseContract.get().eventViolations(d.text())).isEmpty();
            }
        }
    }

    @Test
    void a_replayed_delivery_and_a_response_signature_posing_as_a_delivery_fail_the_documented_receiver_check()
            throws Exception {
        try (TestGateway gw = TestGateway.start(FAST);
                WebhookReceiver hmb = new WebhookReceiver()) {
            hmb.up();
            register(gw, "demo-insurer-hmb", hmb.url(), null);
            String id = UUID.randomUUID().toString();
            Sql.update(
                    gw.gateway().database(),
                    "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, "
                            + "created_at, state, next_attempt_at) VALUES ('" + id
                            + "', 'INS-HMB', 'K-replay', 'test.event', "
                            + "'{\"id\":\"" + id + "\",\"type\":\"test.event\"}', now(), 'PENDING', now())");
            await("delivered", () -> !hmb.deliveries().isEmpty());
            WebhookReceiver.Delivery d = hmb.deliveries().get(0);
            JsonNode jwks = Json.parse(gw.get("/.well-known/jwks.json").body());
            WebhookCheck receiver = new WebhookCheck(jwks, Clock.systemUTC());

            assertThat(receiver.check(d.eventId(), d.timestamp(), d.signature(), d.body()))
                    .isEqualTo(WebhookCheck.Verdict.ACCEPTED);
            assertThat(receiver.check(d.eventId(), d.timestamp(), d.signature(), d.body()))
                    .as("the same delivery again")
                    .isEqualTo(WebhookCheck.Verdict.REPLAYED);
            String fresh = String.valueOf(Long.parseLong(d.timestamp()) + 60);
            assertThat(new WebhookCheck(jwks, Clock.systemUTC()).check(d.eventId(), fresh, d.signature(), d.body()))
                    .as("an old delivery with a fresh timestamp")
                    .isEqualTo(WebhookCheck.Verdict.BAD_SIGNATURE);
            assertThat(new WebhookCheck(jwks, Clock.systemUTC())
                            .check(UUID.randomUUID().toString(), d.timestamp(), d.signature(), d.body()))
                    .as("under another event id")
                    .isEqualTo(WebhookCheck.Verdict.BAD_SIGNATURE);
            Clock later = Clock.offset(Clock.systemUTC(), WebhookCheck.TOLERANCE.plusMinutes(1));
            assertThat(new WebhookCheck(jwks, later).check(d.eventId(), d.timestamp(), d.signature(), d.body()))
                    .as("replayed after the tolerance")
                    .isEqualTo(WebhookCheck.Verdict.STALE);

            // a hospital holds signed answers of the gateway: none passes as a delivery to an insurer
            HttpResponse<String> answer = gw.signed(
                    "demo-hospital", "PUT", "/v1/direct-settlements/S-WH-R-1", Settlements.inpatient("S-WH-R-1"));
            String responseSignature =
                    answer.headers().firstValue("Huibao-Signature").orElseThrow();
            byte[] answerBody = answer.body().getBytes(StandardCharsets.UTF_8);
            String now = String.valueOf(Instant.now().getEpochSecond());
            assertThat(new WebhookCheck(jwks, Clock.systemUTC())
                            .check(UUID.randomUUID().toString(), now, responseSignature, answerBody))
                    .as("typ huibao-response")
                    .isEqualTo(WebhookCheck.Verdict.WRONG_TYPE);
            String webhookKid = Json.parse(
                            Base64.getUrlDecoder().decode(d.signature().split("\\.")[0]))
                    .get("kid")
                    .asText();
            String responseKid = Json.parse(
                            Base64.getUrlDecoder().decode(responseSignature.split("\\.")[0]))
                    .get("kid")
                    .asText();
            assertThat(responseKid).isNotEqualTo(webhookKid);
            ECKey webhookKey =
                    JWKSet.parse(jwks.toString()).getKeyByKeyId(webhookKid).toECKey();
            String[] parts = responseSignature.split("\\.", -1);
            JWSObject asPlainJws =
                    new JWSObject(Base64URL.from(parts[0]), new Payload(answerBody), Base64URL.from(parts[2]));
            assertThat(asPlainJws.verify(new ECDSAVerifier(webhookKey)))
                    .as("a plain compactVerify with the webhook key, typ unchecked")
                    .isFalse();
        }
    }

    @Test
    void a_webhook_registration_is_checked_and_changes_nothing_when_refused() {
        TestGateway gw = TestGateway.shared();
        HttpResponse<String> relative = gw.signed(
                "demo-insurer-pmi",
                "PUT",
                "/v1/webhook",
                "{\"url\":\"/relative/path\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(relative.statusCode()).isEqualTo(422);
        assertThat(relative.body()).contains("url");
        HttpResponse<String> alg = gw.signed(
                "demo-insurer-pmi",
                "PUT",
                "/v1/webhook",
                "{\"url\":\"https://pmi.example/hook\",\"signature_alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(alg.statusCode()).isEqualTo(400);
        assertThat(alg.body()).contains("signature_alg");
        assertThat(gw.signed(
                                "demo-hospital",
                                "PUT",
                                "/v1/webhook",
                                "{\"url\":\"https://h.example/hook\"}".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM webhooks WHERE insurer_id IN " + "('INS-PMI', 'H31010100001')"))
                .isZero();
    }

    @Test
    void two_instances_on_one_database_deliver_each_event_once_never_concurrently_and_in_order() throws Exception {
        Path data = Path.of("target/ext-pg-" + UUID.randomUUID());
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(data, 0, true)) {
            String url = "postgresql://postgres@localhost:" + pg.target().port() + "/postgres";
            Map<String, String> env = new HashMap<>(FAST);
            env.put("GATEWAY_DB_URL", url);
            try (TestGateway a = TestGateway.start(env);
                    TestGateway b = TestGateway.start(env);
                    WebhookReceiver hmb = new WebhookReceiver()) {
                hmb.answering(() -> 200, 15).up();
                register(a, "demo-insurer-hmb", hmb.url(), null);
                DbTarget db = a.gateway().database();
                int events = 200;
                int keys = 10;
                Sql.update(
                        db,
                        "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, "
                                + "next_attempt_at) SELECT g.id, 'INS-HMB', 'K-' || (n % " + keys + "), 'test.event', "
                                + "json_build_object('id', g.id, 'type', 'test.event', 'n', n)::text, now(), 'PENDING', now() "
                                + "FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, " + events
                                + ") n) g ORDER BY n");
                await(
                        "all delivered",
                        () -> Sql.count(
                                        db,
                                        "SELECT count(*) FROM outbox WHERE type = 'test.event' "
                                                + "AND state = 'DELIVERED'")
                                == events);

                List<WebhookReceiver.Delivery> got = hmb.deliveries();
                assertThat(got).as("each event exactly once (none failed)").hasSize(events);
                assertThat(got.stream()
                                .map(WebhookReceiver.Delivery::eventId)
                                .distinct()
                                .count())
                        .isEqualTo(events);
                assertThat(hmb.maxInFlightPerEvent()).isEqualTo(1);
                Map<Integer, List<Integer>> perKey = new HashMap<>();
                for (WebhookReceiver.Delivery d : got) {
                    int n = Json.parse(d.body()).get("n").asInt();
                    perKey.computeIfAbsent(n % keys, k -> new ArrayList<>()).add(n);
                }
                perKey.values().forEach(ns -> assertThat(ns).isSorted());
                assertThat(Sql.count(db, "SELECT count(*) FROM outbox WHERE type = 'test.event' AND attempts <> 1"))
                        .isZero();
            }
        }
    }

    @Test
    void a_lease_left_by_an_instance_that_died_expires_and_its_event_is_then_delivered() throws Exception {
        try (TestGateway gw = TestGateway.start(FAST);
                WebhookReceiver hmb = new WebhookReceiver()) {
            hmb.up();
            register(gw, "demo-insurer-hmb", hmb.url(), null);
            DbTarget db = gw.gateway().database();
            String orphan = UUID.randomUUID().toString();
            String other = UUID.randomUUID().toString();
            // as a dead instance leaves it: leased (attempt 1 counted) for 3 more seconds, never settled
            Sql.update(
                    db,
                    "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, attempts, "
                            + "next_attempt_at, lease_until) VALUES ('" + orphan
                            + "', 'INS-HMB', 'K-dead', 'test.event', "
                            + "'{\"id\":\"" + orphan
                            + "\"}', now(), 'PENDING', 1, now(), now() + interval '3 seconds'), ('" + other
                            + "', 'INS-HMB', 'K-alive', 'test.event', '{\"id\":\"" + other
                            + "\"}', now(), 'PENDING', 0, now(), NULL)");
            await(
                    "the unleased event delivered",
                    () -> hmb.deliveries().stream().anyMatch(d -> d.eventId().equals(other)));
            assertThat(hmb.deliveries()).noneMatch(d -> d.eventId().equals(orphan));
            await(
                    "the orphan delivered after its lease",
                    () -> hmb.deliveries().stream().anyMatch(d -> d.eventId().equals(orphan)));
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM outbox WHERE id = '" + orphan + "' AND state = 'DELIVERED' "
                                    + "AND attempts = 2 AND delivered_at >= created_at + interval '2 seconds'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void a_poll_does_not_read_the_backlog_of_an_insurer_without_a_webhook() throws Exception {
        try (TestGateway gw = TestGateway.start(FAST);
                WebhookReceiver hmb = new WebhookReceiver()) {
            hmb.up();
            DbTarget db = gw.gateway().database();
            // an insurer that polls GET /v1/webhook/events instead of registering a URL: its events stay pending
            Sql.update(
                    db,
                    "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, "
                            + "next_attempt_at) SELECT gen_random_uuid(), 'INS-POLLS', 'K-' || (g % 500), 'test.event', '{}', now(), "
                            + "'PENDING', now() FROM generate_series(1, 20000) g");
            String later = UUID.randomUUID().toString();
            Sql.update(
                    db,
                    "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, "
                            + "next_attempt_at) VALUES ('" + later + "', 'INS-HMB', 'K-hmb', 'test.event', '{\"id\":\""
                            + later
                            + "\"}', now(), 'PENDING', now())");
            Sql.update(db, "ANALYZE outbox");
            register(gw, "demo-insurer-hmb", hmb.url(), null);
            await(
                    "the event behind the backlog delivered",
                    () -> hmb.deliveries().stream().anyMatch(d -> d.eventId().equals(later)));

            Sql.update(
                    db,
                    "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, "
                            + "next_attempt_at) VALUES (gen_random_uuid(), 'INS-HMB', 'K-hmb', 'test.event', '{}', now(), 'PENDING', "
                            + "now() + interval '1 hour')");
            long read = 0;
            try (Connection c = Sql.connect(db);
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + PgOutboxQueue.DUE.replace("$1", "50"))) {
                rs.next();
                read = outboxRowsRead(Json.parse(rs.getString(1)).get(0).get("Plan"));
            }
            assertThat(read).as("outbox rows a poll read").isLessThan(10);
            assertThat(Sql.count(db, "SELECT count(*) FROM outbox WHERE insurer_id = 'INS-POLLS' AND attempts = 0"))
                    .isEqualTo(20_000);
        }
    }

    @Test
    void an_insurer_whose_endpoint_fails_a_whole_round_is_paused_and_its_backlog_is_not_read_meanwhile()
            throws Exception {
        Map<String, String> settings = new HashMap<>(FAST);
        settings.put("GATEWAY_WEBHOOKS_BASE_BACKOFF_MILLIS", "20000"); // a failed event's next attempt 10-30 s away
        settings.put("GATEWAY_WEBHOOKS_BATCH", "20");
        settings.put("GATEWAY_WEBHOOKS_MAX_ATTEMPTS", "50");
        try (TestGateway gw = TestGateway.start(settings);
                WebhookReceiver hmb = new WebhookReceiver()) {
            DbTarget db = gw.gateway().database();
            // 20 policies with 250 events each, waiting for an endpoint that is down: one round tries every policy's
            // first event, and all the others wait behind those
            Sql.update(
                    db,
                    "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, "
                            + "next_attempt_at) SELECT gen_random_uuid(), 'INS-HMB', 'K-' || (g % 20), 'test.event', '{}', now(), "
                            + "'PENDING', now() FROM generate_series(0, 4999) g");
            Sql.update(db, "ANALYZE outbox");
            register(gw, "demo-insurer-hmb", hmb.url(), null);
            await(
                    "the insurer paused after a round in which every delivery failed",
                    () -> Sql.count(
                                    db,
                                    "SELECT count(*) FROM webhooks WHERE insurer_id = 'INS-HMB' AND retry_at > now() + interval '5 seconds'")
                            == 1);
            assertThat(Sql.count(db, "SELECT count(*) FROM outbox WHERE attempts > 0"))
                    .as("one round of 20 first events, then no more attempts")
                    .isEqualTo(20);
            assertThat(dueRowsRead(db, false))
                    .as("outbox rows a poll reads while paused")
                    .isLessThan(10);
            assertThat(dueRowsRead(db, true))
                    .as("outbox rows a poll would read unpaused: the waiting events")
                    .isGreaterThan(4000);

            // the insurer mends its endpoint and registers it again: a new policy's event goes at the next poll; the
            // policies whose first event failed keep their order and wait for its next attempt
            hmb.up();
            register(gw, "demo-insurer-hmb", hmb.url(), null);
            String fresh = UUID.randomUUID().toString();
            Sql.update(
                    db,
                    "INSERT INTO outbox (id, insurer_id, ordering_key, type, payload, created_at, state, "
                            + "next_attempt_at) VALUES ('" + fresh
                            + "', 'INS-HMB', 'K-new', 'test.event', '{}', now(), 'PENDING', "
                            + "now())");
            await(
                    "delivery resumed",
                    () -> hmb.deliveries().stream().anyMatch(d -> d.eventId().equals(fresh)));
            assertThat(Sql.count(
                            db, "SELECT count(*) FROM webhooks WHERE insurer_id = 'INS-HMB' AND retry_at IS NOT NULL"))
                    .as("a delivered event resumes the insurer")
                    .isZero();
            assertThat(
                            Sql.count(
                                    db,
                                    "SELECT count(*) FROM outbox o WHERE o.state = 'DELIVERED' AND EXISTS (SELECT 1 "
                                            + "FROM outbox f WHERE f.ordering_key = o.ordering_key AND f.seq < o.seq AND f.state <> 'DELIVERED')"))
                    .as("no event delivered before an earlier one of its policy")
                    .isZero();
        }
    }

    /** Outbox rows the lease query's plan reads; {@code unpaused}: as if no insurer were paused (rolled back). */
    private static long dueRowsRead(DbTarget db, boolean unpaused) throws Exception {
        try (Connection c = Sql.connect(db);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (unpaused) {
                s.executeUpdate("UPDATE webhooks SET retry_at = NULL");
            }
            try (ResultSet rs =
                    s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + PgOutboxQueue.DUE.replace("$1", "20"))) {
                rs.next();
                return outboxRowsRead(Json.parse(rs.getString(1)).get(0).get("Plan"));
            } finally {
                c.rollback();
            }
        }
    }

    /** Rows of {@code outbox} a plan node and its children produced or filtered out, over all their loops. */
    private static long outboxRowsRead(JsonNode plan) {
        long read = 0;
        if ("outbox".equals(plan.path("Relation Name").asText())) {
            read += (plan.path("Actual Rows").asLong()
                            + plan.path("Rows Removed by Filter").asLong())
                    * plan.path("Actual Loops").asLong();
        }
        for (JsonNode child : plan.path("Plans")) {
            read += outboxRowsRead(child);
        }
        return read;
    }

    private static HttpResponse<String> register(TestGateway gw, String insurer, String url, String alg) {
        String body = "{\"url\":\"" + url + "\"" + (alg == null ? "" : ",\"signature_alg\":\"" + alg + "\"") + "}";
        HttpResponse<String> r = gw.signed(insurer, "PUT", "/v1/webhook", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static JsonNode parked(TestGateway gw) {
        return events(gw, "demo-insurer-pmi", "PARKED");
    }

    private static JsonNode events(TestGateway gw, String insurer, String state) {
        HttpResponse<String> r =
                gw.signed(insurer, "GET", "/v1/webhook/events" + (state == null ? "" : "?state=" + state), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).get("events");
    }

    private static List<String> ids(DbTarget db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Sql.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> types(DbTarget db, String orderingKey) throws Exception {
        return ids(db, "SELECT type FROM outbox WHERE ordering_key = '" + orderingKey + "' ORDER BY seq");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
