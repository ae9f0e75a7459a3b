package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.InsurerResponses;
import com.huibao.gateway.app.insurer.EnrollPoliciesUseCase;
import com.huibao.gateway.app.insurer.GetListVersionUseCase;
import com.huibao.gateway.app.insurer.GetPlanUseCase;
import com.huibao.gateway.app.insurer.GetPolicyUseCase;
import com.huibao.gateway.app.insurer.PublishListVersionUseCase;
import com.huibao.gateway.app.insurer.PublishPlanUseCase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ListCsv;
import com.huibao.gateway.codec.ListJson;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.codec.PolicyJson;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalInt;

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
                .onSuccess(p -> Responses.json(rc, p.created() ? 201 : 200, InsurerResponses.published(p, "plan_id")))
                .onFailure(rc::fail);
    }

    /** The newest version, or {@code ?version=n} (the contract holds it to 1 … 2³¹ − 1). */
    void getPlan(RoutingContext rc) {
        String version = rc.queryParams().get("version");
        cases.getPlan()
                .execute(
                        RequestContext.principal(rc),
                        rc.pathParam("plan_id"),
                        version == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(version)))
                .onSuccess(p -> Responses.json(rc, 200, InsurerResponses.published(p, "plan_id")))
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
            doc = ListJson.document(list);
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
                .onSuccess(p -> Responses.json(
                        rc,
                        p.created() ? 201 : 200,
                        InsurerResponses.published(p, "list_id")
                                .put("entries_count", list.entries().size())))
                .onFailure(rc::fail);
    }

    void getListVersion(RoutingContext rc) {
        cases.getList()
                .execute(RequestContext.principal(rc), rc.pathParam("list_id"), rc.pathParam("version"))
                .onSuccess(p -> Responses.json(rc, 200, InsurerResponses.published(p, "list_id")))
                .onFailure(rc::fail);
    }

    void createPolicies(RoutingContext rc) {
        JsonNode doc = Bodies.tree(rc);
        List<Policy> parsed = PolicyJson.readAll(doc);
        cases.enroll()
                .execute(RequestContext.principal(rc), parsed, doc.isArray())
                .onSuccess(
                        b -> Responses.json(rc, b.created() > 0 ? 201 : 200, InsurerResponses.policyBatch(b, parsed)))
                .onFailure(rc::fail);
    }

    void getPolicy(RoutingContext rc) {
        cases.getPolicy()
                .execute(RequestContext.principal(rc), rc.pathParam("policy_no"))
                .onSuccess(v -> Responses.json(rc, 200, InsurerResponses.policy(v)))
                .onFailure(rc::fail);
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
}
