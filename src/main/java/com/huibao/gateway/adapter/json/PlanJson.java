package com.huibao.gateway.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
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
      f.violations.addAll(PlanValidator.validate(plans.get(i), doc.isArray() ? "[" + i + "]." : "", knownList));
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

  private static Plan plan(Fields f, JsonNode p, String at) {
    if (!p.isObject()) {
      f.add(at.isEmpty() ? "" : at.substring(0, at.length() - 1), "INVALID_TYPE", "a plan must be an object");
      return null;
    }
    List<DeductiblePool> pools = new ArrayList<>();
    JsonNode poolsNode = f.array(p, "deductible_pools", at + "deductible_pools", false);
    if (poolsNode != null) {
      for (int i = 0; i < poolsNode.size(); i++) {
        JsonNode n = poolsNode.get(i);
        String pat = at + "deductible_pools[" + i + "].";
        pools.add(new DeductiblePool(f.text(n, "id", pat + "id", true), f.money(n, "amount", pat + "amount", true)));
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
        responsibilities);
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
        f.bool(r, "requires_preapproval", at + "requires_preapproval"));
  }
}
