package com.huibao.gateway.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.plan.Conditions;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.PlanValidator;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Reads plan documents (one element of {@code plans.json}, or the array) and validates them. */
public final class PlanJson {
  private PlanJson() {
  }

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
      throw InvalidDocumentException.malformed(List.of(
          new com.huibao.gateway.domain.validation.Violation("", "INVALID_TYPE", "a plan must be a JSON object")));
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
   * A plan and its editions. Each edition in {@code editions} ({@code {"CARE": {"name": …, "responsibilities":
   * {"RESP_ID": {partial responsibility}}}}}) is the base plan with those fields of those responsibilities replaced
   * ({@code conditions} merged key by key): several editions of one product without copying whole plans.
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
    java.util.Map<String, Plan> derived = new java.util.LinkedHashMap<>();
    java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = editions.fields();
    while (it.hasNext()) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      String eat = at + "editions." + e.getKey() + ".";
      com.fasterxml.jackson.databind.node.ObjectNode merged = ((com.fasterxml.jackson.databind.node.ObjectNode) p)
          .deepCopy();
      merged.remove("editions");
      if (e.getValue().has("name")) {
        merged.set("name", e.getValue().get("name"));
      }
      JsonNode overrides = e.getValue().path("responsibilities");
      overrides.fieldNames().forEachRemaining(id -> {
        com.fasterxml.jackson.databind.node.ObjectNode target = null;
        for (JsonNode r : merged.path("responsibilities")) {
          if (id.equals(r.path("id").asText())) {
            target = (com.fasterxml.jackson.databind.node.ObjectNode) r;
          }
        }
        if (target == null) {
          f.add(eat + "responsibilities." + id, "UNKNOWN_RESPONSIBILITY", "edition " + e.getKey()
              + " overrides responsibility " + id + ", which the plan does not have");
          return;
        }
        JsonNode o = overrides.get(id);
        for (java.util.Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (name.equals("conditions") && target.path("conditions").isObject() && o.get(name).isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) target.get("conditions")).setAll(
                (com.fasterxml.jackson.databind.node.ObjectNode) o.get(name));
          } else {
            target.set(name, o.get(name));
          }
        }
      });
      derived.put(e.getKey(), single(f, merged, eat, e.getKey()));
    }
    return new Plan(base.planId(), base.insurerId(), base.name(), base.cobPriority(), base.overallCap(),
        base.deductiblePools(), base.responsibilities(), null, derived);
  }

  private static Plan single(Fields f, JsonNode p, String at, String edition) {
    List<DeductiblePool> pools = new ArrayList<>();
    JsonNode poolsNode = f.array(p, "deductible_pools", at + "deductible_pools", false);
    if (poolsNode != null) {
      for (int i = 0; i < poolsNode.size(); i++) {
        JsonNode n = poolsNode.get(i);
        String pat = at + "deductible_pools[" + i + "].";
        List<DeductiblePool.Tier> tiers = new ArrayList<>();
        JsonNode tiersNode = f.array(n, "tiers", pat + "tiers", false);
        if (tiersNode != null) {
          for (int k = 0; k < tiersNode.size(); k++) {
            String tat = pat + "tiers[" + k + "].";
            Integer years = f.integer(tiersNode.get(k), "claim_free_years", tat + "claim_free_years", true);
            tiers.add(new DeductiblePool.Tier(years == null ? 0 : years,
                f.money(tiersNode.get(k), "amount", tat + "amount", true)));
          }
        }
        pools.add(new DeductiblePool(f.text(n, "id", pat + "id", true), f.money(n, "amount", pat + "amount", true),
            tiers));
      }
    }
    List<Responsibility> responsibilities = new ArrayList<>();
    JsonNode rs = f.array(p, "responsibilities", at + "responsibilities", true);
    if (rs != null) {
      for (int i = 0; i < rs.size(); i++) {
        responsibilities.add(responsibility(f, rs.get(i), at + "responsibilities[" + i + "]."));
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
        java.util.Map.of());
  }

  private static Responsibility responsibility(Fields f, JsonNode r, String at) {
    String listId = null;
    JsonNode match = f.object(r, "match", at + "match");
    if (match != null) {
      boolean all = f.bool(match, "all", at + "match.all");
      listId = f.text(match, "list", at + "match.list", false);
      if (all == (listId != null)) {
        f.add(at + "match", "INVALID_MATCH", "match must be either {\"all\": true} or {\"list\": \"<list id>\"}");
      }
    }
    String part = f.text(r, "part", at + "part", true);
    LinePart linePart = null;
    if (part != null) {
      try {
        linePart = LinePart.valueOf(part.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        f.add(at + "part", "INVALID_PART", "part must be in_list, out_of_list or burden, was " + part);
      }
    }
    return new Responsibility(
        f.text(r, "id", at + "id", true),
        f.text(r, "name", at + "name", false),
        listId,
        linePart,
        f.strings(r, "med_types", at + "med_types", null),
        f.text(r, "deductible_pool", at + "deductible_pool", false),
        f.decimal(r, "ratio", at + "ratio", true),
        f.decimal(r, "preexisting_ratio", at + "preexisting_ratio", false),
        f.money(r, "annual_cap", at + "annual_cap", false),
        f.bool(r, "requires_preapproval", at + "requires_preapproval"),
        f.money(r, "admission_cap", at + "admission_cap", false),
        conditions(f, r.get("conditions"), at + "conditions."),
        f.text(r, "sublimit_list", at + "sublimit_list", false));
  }

  private static Conditions conditions(Fields f, JsonNode c, String at) {
    if (c == null || c.isNull()) {
      return Conditions.NONE;
    }
    if (!c.isObject()) {
      f.add(at, "INVALID_TYPE", "conditions must be an object");
      return Conditions.NONE;
    }
    return new Conditions(
        f.strings(c, "insured_regions", at + "insured_regions", null),
        f.decimal(c, "outside_region_ratio", at + "outside_region_ratio", false),
        f.decimal(c, "outside_region_preexisting_ratio", at + "outside_region_preexisting_ratio", false),
        f.strings(c, "hospital_levels", at + "hospital_levels", null),
        f.strings(c, "designated_hospitals", at + "designated_hospitals", null),
        f.integer(c, "run_off_days", at + "run_off_days", false));
  }
}
