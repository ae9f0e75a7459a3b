package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.SettlementReader;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.LineBurden;
import com.huibao.gateway.domain.benefit.LineOutcome;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Readers;
import com.huibao.gateway.support.Shipped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Real messages lack facts: settlements (the national bundles and the flat examples) with optional members removed,
 * sent as {@code ""} or {@code null}, against every shipped plan and edition, with and without the institution
 * registry. The reader may refuse a message (a 400/422 naming the field); what it accepts the engine adjudicates
 * without an exception, never paying more than the burden of any line.
 */
class MissingFactsProperties {
    private static final List<String> DOCUMENTS = List.of(
            "national/bundle-2304-hospital-part.json",
            "national/bundle-2207-refund-lines.json",
            "national/bundle-commercial-fund-in-setldetail.json",
            "national/bundle-hainan-regional.json",
            "settlement-inpatient-1.json",
            "settlement-outpatient-2.json");
    private static final SettlementReader READER = Readers.reader();
    private static final SettlementValidator VALIDATOR =
            new SettlementValidator(READER.dialects().validationProfiles());
    private static final List<Plan> PLANS = Shipped.plansAndEditions();
    private static final BenefitEngine WITH_REGISTRY = new BenefitEngine(Shipped.lists(), Shipped.institutions());
    private static final BenefitEngine WITHOUT = new BenefitEngine(Shipped.lists());

    @Property(tries = 600)
    void missing_optional_facts_never_throw_and_never_overpay(
            @ForAll @IntRange(min = 0, max = 5) int document, @ForAll long seed) {
        Random r = new Random(seed);
        ObjectNode doc = (ObjectNode) Examples.json(DOCUMENTS.get(document));
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            mutate(doc, r);
        }
        Settlement s;
        try {
            s = READER.read(doc, "H31010100001");
        } catch (InvalidDocumentException e) {
            assertThat(e.violations()).isNotEmpty();
            return;
        }
        if (!VALIDATOR.validate(s).isEmpty()) {
            return;
        }
        List<PolicyCase> cases = new ArrayList<>();
        int n = 0;
        for (Plan p : PLANS) {
            Policy policy = new Policy(
                    "P-" + n++,
                    p.planId(),
                    p.insurerId(),
                    s.setlinfo().psnCertType(),
                    s.setlinfo().certno(),
                    s.setlDate().minusMonths(6),
                    s.setlDate().plusMonths(6),
                    r.nextBoolean() ? List.of("C34") : List.of(),
                    p.edition(),
                    Map.of(),
                    r.nextInt(4),
                    r.nextInt(3) == 0 ? null : r.nextBoolean());
            cases.add(PolicyCase.allowed(policy, p, Accumulators.EMPTY));
        }
        Adjudication a = (r.nextBoolean() ? WITH_REGISTRY : WITHOUT).adjudicate(s, cases);
        Map<String, Money> burden = new HashMap<>();
        long total = 0;
        for (LineBurden b : a.burdens()) {
            burden.put(b.feedetlSn(), b.burden());
            total += b.burden().fen();
        }
        assertThat(total).isEqualTo(s.setlinfo().psnPartAmt().fen());
        Map<String, Money> paid = new HashMap<>();
        for (PolicyResult p : a.policies()) {
            for (LineOutcome l : p.lines()) {
                paid.merge(l.feedetlSn(), l.paid(), Money::plus);
            }
        }
        paid.forEach((sn, m) -> assertThat(m.compareTo(burden.get(sn))).as(sn).isLessThanOrEqualTo(0));
        assertThat(a.payoutTotal().compareTo(s.setlinfo().psnPartAmt())).isLessThanOrEqualTo(0);
    }

    /** Removes a member somewhere, or sends it as "" or null. */
    private static void mutate(ObjectNode doc, Random r) {
        List<Object[]> slots = new ArrayList<>();
        members(doc, slots);
        Object[] slot = slots.get(r.nextInt(slots.size()));
        ObjectNode parent = (ObjectNode) slot[0];
        String name = (String) slot[1];
        switch (r.nextInt(3)) {
            case 0 -> parent.remove(name);
            case 1 -> parent.put(name, "");
            default -> parent.set(name, JsonNodeFactory.instance.nullNode());
        }
    }

    private static void members(JsonNode node, List<Object[]> out) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                out.add(new Object[] {o, name});
                members(o.get(name), out);
            });
        } else if (node instanceof ArrayNode a) {
            a.forEach(e -> members(e, out));
        }
    }
}
