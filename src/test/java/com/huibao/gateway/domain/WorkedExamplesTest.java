package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.LineBurden;
import com.huibao.gateway.domain.benefit.PolicyCases;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.JsonSubset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hand-worked examples of shared/examples reproduce to the fen. */
class WorkedExamplesTest {
    private final BenefitEngine engine = new BenefitEngine(Examples.lists());

    private Adjudication adjudicate(String settlement, Map<String, Accumulators> accumulators) {
        Settlement s = Examples.settlement(settlement);
        assertThat(new SettlementValidator(ValidationProfiles.defaults()).validate(s))
                .isEmpty();
        return engine.adjudicate(
                s, PolicyCases.forPatient(s.setlinfo(), Examples.policies(), Examples.plans(), accumulators));
    }

    @Test
    void inpatient_settlement_matches_the_worked_result() {
        Adjudication a = adjudicate("settlement-inpatient-1.json", Map.of());
        JsonSubset.assertSubset(Examples.json("expected-inpatient-1.json"), AdjudicationJson.write(a));
    }

    @Test
    void inpatient_personal_burden_is_shared_by_largest_remainder() {
        Adjudication a = adjudicate("settlement-inpatient-1.json", Map.of());
        assertThat(a.burdens())
                .extracting(LineBurden::inList)
                .extracting(Money::toString)
                .containsExactly("248.30", "4293.42", "2289.82", "0.00", "103.46");
        assertThat(a.burdens().stream().map(LineBurden::burden).reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.parse("9035.00"));
    }

    @Test
    void accumulators_after_the_inpatient_claim_match_the_worked_file() {
        Adjudication a = adjudicate("settlement-inpatient-1.json", Map.of());
        Map<String, Accumulators> after =
                a.policies().stream().collect(Collectors.toMap(PolicyResult::policyNo, PolicyResult::after));
        assertThat(after).isEqualTo(Examples.accumulatorsAfter1());
        assertThat(after.get("HMB26-000001").paid())
                .containsOnlyKeys("SPECIALTY_DRUG", "INNOVATIVE", "INPATIENT_IN_LIST", "INPATIENT_OUT_OF_LIST");
    }

    @Test
    void outpatient_settlement_with_accumulators_of_the_first_matches_the_worked_result() {
        Adjudication a = adjudicate("settlement-outpatient-2.json", Examples.accumulatorsAfter1());
        JsonSubset.assertSubset(Examples.json("expected-outpatient-2.json"), AdjudicationJson.write(a));
    }

    @Test
    void every_unpaid_part_has_a_reason_and_lines_balance() {
        Adjudication a = adjudicate("settlement-inpatient-1.json", Map.of());
        for (PolicyResult p : a.policies()) {
            p.lines().forEach(l -> {
                Money unpaid = l.unpaid().stream().map(u -> u.amount()).reduce(Money.ZERO, Money::plus);
                assertThat(l.paid().plus(unpaid))
                        .as("line " + l.feedetlSn())
                        .isEqualTo(l.inList().plus(l.outOfList()));
                l.unpaid().forEach(u -> assertThat(u.reason()).isNotBlank());
            });
        }
        PolicyResult hmb = a.policy("HMB26-000001");
        assertThat(hmb.lines().get(2).unpaid()).anySatisfy(u -> {
            assertThat(u.reason()).isEqualTo("ABOVE_PAYMENT_STANDARD");
            assertThat(u.amount()).isEqualTo(Money.parse("2000.00"));
        });
    }
}
