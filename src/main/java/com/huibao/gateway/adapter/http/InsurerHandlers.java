package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.insurer.EnrollPoliciesUseCase;
import com.huibao.gateway.app.insurer.GetListVersionUseCase;
import com.huibao.gateway.app.insurer.GetPlanUseCase;
import com.huibao.gateway.app.insurer.GetPolicyUseCase;
import com.huibao.gateway.app.insurer.PublishListVersionUseCase;
import com.huibao.gateway.app.insurer.PublishPlanUseCase;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.codec.AccumulatorsJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ListCsv;
import com.huibao.gateway.codec.ListJson;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.codec.PolicyJson;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The insurer's plans, coverage lists and policies. */
public final class InsurerHandlers {
    /** The insurer's document and policy use cases, one per operation. */
    public record UseCases(
            PublishPlanUseCase publishPlan,
            GetPlanUseCase getPlan,
            PublishListVersionUseCase publishList,
            GetListVersionUseCase getList,
            EnrollPoliciesUseCase enroll,
            GetPolicyUseCase getPolicy) {}

    private final UseCases cases;

    public InsurerHandlers(UseCases cases) {
        this.cases = cases;
    }

    void putPlan(RoutingContext rc) {
        JsonNode doc = Bodies.tree(rc);
        Plan plan = PlanJson.parse(doc);
        cases.publishPlan()
                .execute(RequestContext.principal(rc), rc.pathParam("plan_id"), plan, Json.write(doc))
                .onSuccess(p -> OpsHandlers.json(rc, p.created() ? 201 : 200, document(p, "plan_id")))
                .onFailure(rc::fail);
    }

    void getPlan(RoutingContext rc) {
        cases.getPlan()
                .execute(RequestContext.principal(rc), rc.pathParam("plan_id"))
                .onSuccess(p -> OpsHandlers.json(rc, 200, document(p, "plan_id")))
                .onFailure(rc::fail);
    }

    /** A list version as JSON (one element of lists.json) or CSV ({@code ?effective_from=…&effective_to=…}). */
    void putListVersion(RoutingContext rc) {
        String listId = rc.pathParam("list_id");
        String version = rc.pathParam("version");
        byte[] body = rc.body().buffer().getBytes();
        JsonNode doc;
        ListVersion list;
        if (RequestContext.sentCsv(rc)) {
            list = ListCsv.read(
                    listId, version, date(rc, "effective_from", true), date(rc, "effective_to", false), body);
            doc = toDocument(list);
        } else {
            doc = Json.parse(body);
            if (!doc.isObject()) {
                throw InvalidDocumentException.malformed(
                        List.of(new Violation("", "INVALID_TYPE", "a list version must be a JSON object")));
            }
            list = ListJson.readAll(doc).get(0);
        }
        cases.publishList()
                .execute(RequestContext.principal(rc), listId, version, list, Json.write(doc))
                .onSuccess(p -> OpsHandlers.json(
                        rc,
                        p.created() ? 201 : 200,
                        document(p, "list_id")
                                .put("entries_count", list.entries().size())))
                .onFailure(rc::fail);
    }

    void getListVersion(RoutingContext rc) {
        cases.getList()
                .execute(RequestContext.principal(rc), rc.pathParam("list_id"), rc.pathParam("version"))
                .onSuccess(p -> OpsHandlers.json(rc, 200, document(p, "list_id")))
                .onFailure(rc::fail);
    }

    void createPolicies(RoutingContext rc) {
        JsonNode doc = Bodies.tree(rc);
        List<Policy> parsed = PolicyJson.readAll(doc);
        cases.enroll()
                .execute(RequestContext.principal(rc), parsed, doc.isArray())
                .onSuccess(b -> {
                    ObjectNode out = Json.object().put("created", b.created()).put("unchanged", b.unchanged());
                    ArrayNode nos = out.putArray("policy_nos");
                    parsed.forEach(p -> nos.add(p.policyNo()));
                    OpsHandlers.json(rc, b.created() > 0 ? 201 : 200, out);
                })
                .onFailure(rc::fail);
    }

    void getPolicy(RoutingContext rc) {
        cases.getPolicy()
                .execute(RequestContext.principal(rc), rc.pathParam("policy_no"))
                .onSuccess(v -> {
                    Policy p = v.policy().policy();
                    ObjectNode o = Json.object()
                            .put("policy_no", p.policyNo())
                            .put("plan_id", p.planId())
                            .put("insurer_id", p.insurerId())
                            .put("edition", p.edition())
                            .put("psn_cert_type", p.psnCertType())
                            .put("certno", v.policy().certnoMasked())
                            .put("effective_from", p.effectiveFrom().toString())
                            .put("effective_to", p.effectiveTo().toString());
                    ArrayNode pre = o.putArray("preexisting_conditions");
                    p.preexistingConditions().forEach(pre::add);
                    ObjectNode ded = o.putObject("deductibles");
                    p.deductibles().forEach((k, m) -> ded.put(k, m.toString()));
                    if (p.claimFreeEditions() != null) {
                        o.put("claim_free_editions", p.claimFreeEditions());
                    }
                    if (p.preexisting() != null) {
                        o.put("preexisting", p.preexisting());
                    }
                    o.put("created_at", v.policy().createdAt().toString());
                    o.set("accumulators", AccumulatorsJson.write(v.accumulators()));
                    OpsHandlers.json(rc, 200, o);
                })
                .onFailure(rc::fail);
    }

    /** A published document with its publication metadata: {@code version} and {@code published_at}. */
    private static ObjectNode document(InsurerCatalogStore.Published p, String idField) {
        ObjectNode o = (ObjectNode) Json.parse(p.document());
        o.put(idField, p.id());
        o.put("version", p.version());
        o.put("published_at", p.publishedAt().toString());
        return o;
    }

    private static LocalDate date(RoutingContext rc, String name, boolean required) {
        String v = rc.queryParams().get(name);
        if (v == null || v.isBlank()) {
            if (required) {
                throw InvalidDocumentException.malformed(List.of(
                        new Violation(name, "REQUIRED", name + " (query parameter) is required for a CSV list")));
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(name, "INVALID_DATE", name + " must be YYYY-MM-DD")));
        }
    }

    /** The JSON document form (one element of lists.json) of a list read from CSV. */
    static ObjectNode toDocument(ListVersion v) {
        ObjectNode o = Json.object()
                .put("list_id", v.listId())
                .put("version", v.version())
                .put("effective_from", v.effectiveFrom().toString())
                .put(
                        "effective_to",
                        v.effectiveTo() == null ? null : v.effectiveTo().toString());
        ArrayNode entries = o.putArray("entries");
        for (ListEntry e : v.entries()) {
            ObjectNode n = entries.addObject()
                    .put("code", e.code())
                    .put("match", e.match().name().toLowerCase())
                    .put("name", e.name());
            if (e.paymentStandard() != null) {
                n.put("payment_standard", e.paymentStandard().toString());
            }
            strings(n, "diagnosis_prefixes", e.diagnosisPrefixes());
            strings(n, "hospitals", e.hospitals());
            strings(n, "med_types", e.medTypes());
            if (e.requiresPreapproval()) {
                n.put("requires_preapproval", true);
            }
            if (e.effectiveFrom() != null) {
                n.put("effective_from", e.effectiveFrom().toString());
            }
            if (e.effectiveTo() != null) {
                n.put("effective_to", e.effectiveTo().toString());
            }
            if (e.annualCap() != null) {
                n.put("annual_cap", e.annualCap().toString());
            }
            if (e.annualCount() != null) {
                n.put("annual_count", e.annualCount());
            }
            if (e.admissionCap() != null) {
                n.put("admission_cap", e.admissionCap().toString());
            }
        }
        return o;
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(a::add);
        }
    }
}
