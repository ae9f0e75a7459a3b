package com.huibao.gateway.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.huibao.gateway.adapter.pg.PgReferenceData;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ListJson;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.codec.PolicyJson;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Demo mode's data: the shipped plans and coverage lists ({@code config/plans}, {@code config/lists}) and the demo
 * policies and consents ({@code config/demo}), in the shapes of {@code shared/examples}, loaded only where absent, so
 * restarts keep whatever the demo changed.
 */
final class DemoData {
    private DemoData() {}

    static Future<Void> load(Path dir, Path plansDir, Path listsDir, PgReferenceData db) {
        try {
            JsonNode listsDoc = concat(listsDir);
            List<ListVersion> versions = ListJson.readAll(listsDoc);
            ListCatalog lists = ListCatalog.of(versions);
            JsonNode plansDoc = concat(plansDir);
            List<Plan> plans = PlanJson.readAll(plansDoc, lists::contains);
            List<Policy> policies = PolicyJson.readAll(Json.parse(Files.readAllBytes(dir.resolve("policies.json"))));
            JsonNode consents = Json.parse(Files.readAllBytes(dir.resolve("consents.json")));

            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                ListVersion v = versions.get(i);
                String insurer = listsDoc.get(i).path("insurer_id").asText(owner(plans, v.listId()));
                writes.add(db.insertListVersionIfAbsent(v, insurer, Json.write(listsDoc.get(i))));
            }
            for (int i = 0; i < plans.size(); i++) {
                writes.add(db.insertPlanIfAbsent(
                        plans.get(i).planId(), plans.get(i).insurerId(), Json.write(plansDoc.get(i))));
            }
            for (Policy p : policies) {
                writes.add(db.insertPolicyIfAbsent(p));
            }
            for (JsonNode c : consents) {
                Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
                c.get("purposes").forEach(p -> purposes.add(Purpose.valueOf(p.asText())));
                Consent consent = new Consent(
                        UUID.fromString(c.get("id").asText()),
                        c.get("insurer_id").asText(),
                        purposes,
                        LocalDate.parse(c.get("covers_from").asText()),
                        Instant.parse(c.get("expires_at").asText()),
                        Instant.parse(c.get("granted_at").asText()),
                        null);
                writes.add(db.insertConsentIfAbsent(
                        consent,
                        c.get("psn_cert_type").asText(),
                        c.get("certno").asText()));
            }
            return Future.all(writes).mapEmpty();
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
    }

    /** Every element of every {@code *.json} array in the directory, in file-name order. */
    private static JsonNode concat(Path dir) throws IOException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        try (var files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = Json.parse(Files.readAllBytes(f));
                if (doc.isArray()) {
                    all.addAll((ArrayNode) doc);
                } else {
                    all.add(doc);
                }
            }
        }
        return all;
    }

    /** The insurer of the first plan that uses the list (lists of the demo carry no insurer of their own). */
    private static String owner(List<Plan> plans, String listId) {
        for (Plan p : plans) {
            if (p.responsibilities().stream()
                    .anyMatch(r -> listId.equals(r.listId()) || listId.equals(r.sublimitList()))) {
                return p.insurerId();
            }
        }
        return "DEMO";
    }
}
