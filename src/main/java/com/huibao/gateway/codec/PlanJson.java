package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.plan.Channel;
import com.huibao.gateway.domain.plan.Compensation;
import com.huibao.gateway.domain.plan.Conditions;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.ItemKind;
import com.huibao.gateway.domain.plan.LineFilter;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.PlanValidator;
import com.huibao.gateway.domain.plan.PreAuthRules;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.plan.SubLimit;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Reads plan documents (one element of {@code plans.json}, or the array) and validates them (docs/PLANS.md). */
public final class PlanJson {
    /** Plan members an edition may replace as a whole. */
    private static final Set<String> EDITION_MEMBERS =
            Set.of("name", "deductible_pools", "overall_cap", "compensation", "pre_authorization");

    private PlanJson() {}

    /** An array of plans, or a single plan object. */
    public static List<Plan> readAll(JsonNode doc, Predicate<String> knownList) {
        Fields f = new Fields();
        List<Plan> plans = new ArrayList<>();
        if (doc.isArray()) {
            for (int i = 0; i < doc.size(); i++) {
                plans.add(plan(f, doc.get(i), "[" + i + "]."));
            }
        } else {
            plans.add(plan(f, doc, ""));
        }
        if (!f.ok()) {
            throw InvalidDocumentException.malformed(f.violations);
        }
        for (int i = 0; i < plans.size(); i++) {
            String at = doc.isArray() ? "[" + i + "]." : "";
            f.violations.addAll(PlanValidator.validate(plans.get(i), at, knownList));
            for (Plan e : plans.get(i).editions().values()) {
                f.violations.addAll(PlanValidator.validate(e, at + "editions." + e.edition() + ".", knownList));
            }
        }
        if (!f.ok()) {
            throw InvalidDocumentException.inconsistent(f.violations);
        }
        return plans;
    }

    public static Plan read(JsonNode doc, Predicate<String> knownList) {
        if (!doc.isObject()) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation("", "INVALID_TYPE", "a plan must be a JSON object")));
        }
        return readAll(doc, knownList).get(0);
    }

    /** Reads one plan (and its editions) without validating its content: for callers that validate themselves. */
    public static Plan parse(JsonNode doc) {
        Fields f = new Fields();
        if (!doc.isObject()) {
            f.add("", "INVALID_TYPE", "a plan must be a JSON object");
            throw InvalidDocumentException.malformed(f.violations);
        }
        Plan plan = plan(f, doc, "");
        if (!f.ok()) {
            throw InvalidDocumentException.malformed(f.violations);
        }
        return plan;
    }

    /**
     * A plan and its editions. Each edition in {@code editions} ({@code {"CARE": {"name": …, "deductible_pools": […],
     * "responsibilities": {"RESP_ID": {partial responsibility}}}}}) is the base plan with those members replaced, and
     * those fields of those responsibilities replaced ({@code conditions} and {@code filter} merged key by key):
     * several editions of one product without copying whole plans.
     */
    private static Plan plan(Fields f, JsonNode p, String at) {
        if (!p.isObject()) {
            f.add(at.isEmpty() ? "" : at.substring(0, at.length() - 1), "INVALID_TYPE", "a plan must be an object");
            return null;
        }
        Plan base = single(f, p, at, null);
        JsonNode editions = p.get("editions");
        if (editions == null || editions.isNull() || base == null) {
            return base;
        }
        if (!editions.isObject()) {
            f.add(at + "editions", "INVALID_TYPE", "editions must be an object keyed by edition id");
            return base;
        }
        Map<String, Plan> derived = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = editions.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String eat = at + "editions." + e.getKey() + ".";
            if (!e.getValue().isObject()) {
                f.add(eat.substring(0, eat.length() - 1), "INVALID_TYPE", "an edition must be an object");
                continue;
            }
            ObjectNode merged = ((ObjectNode) p).deepCopy();
            merged.remove("editions");
            for (String member : EDITION_MEMBERS) {
                if (e.getValue().has(member)) {
                    merged.set(member, e.getValue().get(member));
                }
            }
            JsonNode overrides = e.getValue().path("responsibilities");
            overrides.fieldNames().forEachRemaining(id -> override(f, merged, overrides.get(id), id, e.getKey(), eat));
            derived.put(e.getKey(), single(f, merged, eat, e.getKey()));
        }
        return new Plan(
                base.planId(),
                base.insurerId(),
                base.name(),
                base.cobPriority(),
                base.overallCap(),
                base.deductiblePools(),
                base.responsibilities(),
                null,
                derived,
                base.compensation(),
                base.preAuthorization());
    }

    private static void override(Fields f, ObjectNode merged, JsonNode o, String id, String edition, String eat) {
        ObjectNode target = null;
        for (JsonNode r : merged.path("responsibilities")) {
            if (id.equals(r.path("id").asText())) {
                target = (ObjectNode) r;
            }
        }
        if (target == null) {
            f.add(
                    eat + "responsibilities." + id,
                    "UNKNOWN_RESPONSIBILITY",
                    "edition " + edition + " overrides responsibility " + id + ", which the plan does not have");
            return;
        }
        if (!o.isObject()) {
            f.add(eat + "responsibilities." + id, "INVALID_TYPE", "an override must be an object");
            return;
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean mergeable = name.equals("conditions") || name.equals("filter");
            if (mergeable && target.path(name).isObject() && o.get(name).isObject()) {
                ((ObjectNode) target.get(name)).setAll((ObjectNode) o.get(name));
            } else {
                target.set(name, o.get(name));
            }
        }
    }

    private static Plan single(Fields f, JsonNode p, String at, String edition) {
        List<DeductiblePool> pools = new ArrayList<>();
        JsonNode poolsNode = f.array(p, "deductible_pools", at + "deductible_pools", false);
        if (poolsNode != null) {
            for (int i = 0; i < poolsNode.size(); i++) {
                pools.add(pool(f, poolsNode.get(i), at + "deductible_pools[" + i + "]."));
            }
        }
        List<Responsibility> responsibilities = new ArrayList<>();
        JsonNode rs = f.array(p, "responsibilities", at + "responsibilities", true);
        if (rs != null) {
            for (int i = 0; i < rs.size(); i++) {
                Responsibility r = responsibility(f, rs.get(i), at + "responsibilities[" + i + "].");
                if (r != null) {
                    responsibilities.add(r);
                }
            }
        }
        Integer cob = f.integer(p, "cob_priority", at + "cob_priority", false);
        return new Plan(
                f.text(p, "plan_id", at + "plan_id", true),
                f.text(p, "insurer_id", at + "insurer_id", true),
                f.text(p, "name", at + "name", false),
                cob == null ? 100 : cob,
                f.money(p, "overall_cap", at + "overall_cap", false),
                pools,
                responsibilities,
                edition,
                Map.of(),
                compensation(f, p.get("compensation"), at + "compensation."),
                preAuthorization(f, p.get("pre_authorization"), at + "pre_authorization."));
    }

    /** {@code {"auto_approve": bool, "max_days_supply": int, "validity_days": int}}; absent: review every one. */
    private static PreAuthRules preAuthorization(Fields f, JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            f.add(at.substring(0, at.length() - 1), "INVALID_TYPE", "pre_authorization must be an object");
            return null;
        }
        Integer maxDays = f.integer(n, "max_days_supply", at + "max_days_supply", false);
        Integer validity = f.integer(n, "validity_days", at + "validity_days", false);
        if (maxDays != null && maxDays < 1) {
            f.add(at + "max_days_supply", "NOT_POSITIVE", "max_days_supply must be at least 1");
        }
        if (validity != null && validity < 1) {
            f.add(at + "validity_days", "NOT_POSITIVE", "validity_days must be at least 1");
        }
        return new PreAuthRules(
                f.bool(n, "auto_approve", at + "auto_approve"),
                maxDays == null || maxDays < 1 ? 30 : maxDays,
                validity == null || validity < 1 ? 30 : validity);
    }

    private static DeductiblePool pool(Fields f, JsonNode n, String pat) {
        if (!n.isObject()) {
            f.add(pat.substring(0, pat.length() - 1), "INVALID_TYPE", "a deductible pool must be an object");
        }
        List<DeductiblePool.Tier> tiers = new ArrayList<>();
        JsonNode tiersNode = f.array(n, "tiers", pat + "tiers", false);
        if (tiersNode != null) {
            for (int k = 0; k < tiersNode.size(); k++) {
                String tat = pat + "tiers[" + k + "].";
                JsonNode t = tiersNode.get(k);
                // claim_free_years is the former name of claim_free_editions (the same count)
                String name = t.has("claim_free_editions") || !t.has("claim_free_years")
                        ? "claim_free_editions"
                        : "claim_free_years";
                Integer editions = f.integer(t, name, tat + name, true);
                tiers.add(new DeductiblePool.Tier(
                        editions == null ? 0 : editions, f.money(t, "amount", tat + "amount", true)));
            }
        }
        return new DeductiblePool(f.text(n, "id", pat + "id", true), f.money(n, "amount", pat + "amount", true), tiers);
    }

    private static Responsibility responsibility(Fields f, JsonNode r, String at) {
        if (!r.isObject()) {
            f.add(at.substring(0, at.length() - 1), "INVALID_TYPE", "a responsibility must be an object");
            return null;
        }
        String listId = null;
        JsonNode match = f.object(r, "match", at + "match");
        if (match != null) {
            boolean all = f.bool(match, "all", at + "match.all");
            listId = f.text(match, "list", at + "match.list", false);
            if (all == (listId != null)) {
                f.add(
                        at + "match",
                        "INVALID_MATCH",
                        "match must be either {\"all\": true} or {\"list\": \"<list id>\"}");
            }
        }
        return new Responsibility(
                f.text(r, "id", at + "id", true),
                f.text(r, "name", at + "name", false),
                listId,
                Fields.enumValue(f, f.text(r, "part", at + "part", true), LinePart.class, at + "part"),
                f.strings(r, "med_types", at + "med_types", null),
                f.text(r, "deductible_pool", at + "deductible_pool", false),
                f.decimal(r, "ratio", at + "ratio", true),
                f.decimal(r, "preexisting_ratio", at + "preexisting_ratio", false),
                f.money(r, "annual_cap", at + "annual_cap", false),
                f.bool(r, "requires_preapproval", at + "requires_preapproval"),
                f.money(r, "admission_cap", at + "admission_cap", false),
                conditions(f, r.get("conditions"), at + "conditions."),
                f.text(r, "sublimit_list", at + "sublimit_list", false),
                filter(f, r.get("filter"), at + "filter."),
                limits(f, r.get("limits"), at + "limits"));
    }

    private static Conditions conditions(Fields f, JsonNode c, String at) {
        if (c == null || c.isNull()) {
            return Conditions.NONE;
        }
        if (!c.isObject()) {
            f.add(at.substring(0, at.length() - 1), "INVALID_TYPE", "conditions must be an object");
            return Conditions.NONE;
        }
        return new Conditions(
                f.strings(c, "insured_regions", at + "insured_regions", null),
                f.decimal(c, "outside_region_ratio", at + "outside_region_ratio", false),
                f.decimal(c, "outside_region_preexisting_ratio", at + "outside_region_preexisting_ratio", false),
                f.strings(c, "hospital_levels", at + "hospital_levels", null),
                f.strings(c, "designated_hospitals", at + "designated_hospitals", null),
                f.integer(c, "run_off_days", at + "run_off_days", false),
                f.strings(c, "institution_regions", at + "institution_regions", null),
                Fields.enumSet(
                        f,
                        f.strings(c, "institution_kinds", at + "institution_kinds", null),
                        InstitutionKind.class,
                        at + "institution_kinds"),
                f.strings(c, "institution_sets", at + "institution_sets", null),
                f.integer(c, "admission_extension_days", at + "admission_extension_days", false),
                f.decimal(c, "invoice_ratio", at + "invoice_ratio", false),
                f.decimal(c, "invoice_preexisting_ratio", at + "invoice_preexisting_ratio", false));
    }

    private static LineFilter filter(Fields f, JsonNode c, String at) {
        if (c == null || c.isNull()) {
            return LineFilter.NONE;
        }
        if (!c.isObject()) {
            f.add(at.substring(0, at.length() - 1), "INVALID_TYPE", "filter must be an object");
            return LineFilter.NONE;
        }
        List<String> categories = f.strings(c, "charge_categories", at + "charge_categories", null);
        return new LineFilter(
                categories == null ? null : Set.copyOf(categories),
                Fields.enumSet(
                        f, f.strings(c, "item_kinds", at + "item_kinds", null), ItemKind.class, at + "item_kinds"),
                Fields.enumSet(f, f.strings(c, "channels", at + "channels", null), Channel.class, at + "channels"),
                f.integer(c, "max_days_supply", at + "max_days_supply", false));
    }

    private static List<SubLimit> limits(Fields f, JsonNode ls, String at) {
        List<SubLimit> out = new ArrayList<>();
        if (ls == null || ls.isNull()) {
            return out;
        }
        if (!ls.isArray()) {
            f.add(at, "INVALID_TYPE", "limits must be an array");
            return out;
        }
        for (int i = 0; i < ls.size(); i++) {
            String lat = at + "[" + i + "].";
            JsonNode l = ls.get(i);
            if (!l.isObject()) {
                f.add(at + "[" + i + "]", "INVALID_TYPE", "a limit must be an object");
                continue;
            }
            List<String> categories = f.strings(l, "charge_categories", lat + "charge_categories", null);
            out.add(new SubLimit(
                    f.text(l, "id", lat + "id", true),
                    Fields.enumValue(f, f.text(l, "per", lat + "per", true), SubLimit.Per.class, lat + "per"),
                    Fields.enumValue(
                            f, f.text(l, "period", lat + "period", true), SubLimit.Period.class, lat + "period"),
                    f.money(l, "cap", lat + "cap", false),
                    f.integer(l, "count", lat + "count", false),
                    categories == null ? null : Set.copyOf(categories),
                    Fields.enumSet(
                            f,
                            f.strings(l, "item_kinds", lat + "item_kinds", null),
                            ItemKind.class,
                            lat + "item_kinds")));
        }
        return out;
    }

    private static Compensation compensation(Fields f, JsonNode c, String at) {
        if (c == null || c.isNull()) {
            return Compensation.ON_REMAINING;
        }
        if (!c.isObject()) {
            f.add(at.substring(0, at.length() - 1), "INVALID_TYPE", "compensation must be an object");
            return Compensation.ON_REMAINING;
        }
        Compensation.Rule rule =
                Fields.enumValue(f, f.text(c, "rule", at + "rule", true), Compensation.Rule.class, at + "rule");
        return new Compensation(rule, f.bool(c, "counts_toward_deductible", at + "counts_toward_deductible"));
    }
}
