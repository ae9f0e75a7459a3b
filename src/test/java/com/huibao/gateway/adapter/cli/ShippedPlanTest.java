package com.huibao.gateway.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.plan.Compensation;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.support.Shipped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** config/plans/huiminbao-2025.json: valid, its editions resolved, and the adjudicate command runs on it. */
class ShippedPlanTest {
    private static final String PLANS = "config/plans/huiminbao-2025.json";
    private static final String LISTS = "config/lists/huiminbao-2025-lists.json";

    @Test
    void the_2025_plan_loads_with_its_five_benefits_and_both_other_editions() {
        Plan hmb = Shipped.plans().get("HMB-2025");
        assertThat(hmb.responsibilities())
                .extracting(r -> r.id())
                .containsExactly(
                        "CAR_T",
                        "DOMESTIC_SPECIAL_DRUGS",
                        "OVERSEAS_SPECIAL_DRUGS",
                        "PROTON_HEAVY_ION",
                        "INPATIENT_SELF_PAY");
        assertThat(hmb.responsibilities())
                .extracting(r -> r.annualCap().toString())
                .containsExactly("500000.00", "1000000.00", "300000.00", "300000.00", "1000000.00");
        assertThat(hmb.overallCap()).isNull();
        assertThat(hmb.compensation().rule()).isEqualTo(Compensation.Rule.MIN_OF_OWN_AND_REMAINING);
        assertThat(hmb.editions()).containsOnlyKeys("CARE", "NEW_CITIZEN");
        Plan newCitizen = hmb.forEdition("NEW_CITIZEN");
        assertThat(newCitizen.responsibilities().get(4).conditions().insuredRegions())
                .isNull();
        assertThat(newCitizen.responsibilities().get(4).conditions().institutionRegions())
                .containsExactly("31");
        assertThat(newCitizen.responsibilities().get(4).conditions().invoiceRatio())
                .isEqualByComparingTo("0.20");
        assertThat(newCitizen.responsibilities().get(4).ratio()).isEqualByComparingTo(new BigDecimal("0.70"));
        assertThat(newCitizen.deductiblePools().get(0).tiers()).hasSize(1);
        assertThat(hmb.responsibilities().get(4).conditions().outsideRegionRatio())
                .isNull();
        assertThat(hmb.forEdition("CARE").responsibilities().get(4).conditions().institutionRegions())
                .containsExactly("31");
    }

    @Test
    void adjudicate_runs_the_demo_car_t_admission_on_the_shipped_plan() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = AdjudicateCommand.run(
                new String[] {
                    "--plans",
                    PLANS,
                    "--lists",
                    LISTS,
                    "--policies",
                    "config/demo/policies.json",
                    "--institutions",
                    "config/institutions,config/demo/institutions",
                    "config/demo/settlement-hmb2025-car-t.json"
                },
                new ByteArrayInputStream(new byte[0]),
                out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as(err.toString()).isZero();
        JsonNode r = Json.parse(out.toByteArray());
        // By hand: CAR-T 1,200,000.00 × 100 % capped at 500,000.00; surgical materials (30,000.00 − 11,000.00
        // deductible for two consecutive claim-free editions) × 70 % = 13,300.00.
        assertThat(r.at("/policies/0/policy_no").asText()).isEqualTo("HMB25-000002");
        assertThat(r.at("/policies/0/responsibilities/0/payable").asText()).isEqualTo("500000.00");
        assertThat(r.at("/policies/0/responsibilities/0/capped_by").asText()).isEqualTo("annual_cap");
        assertThat(r.at("/policies/0/responsibilities/4/deductible").asText()).isEqualTo("11000.00");
        assertThat(r.at("/policies/0/responsibilities/4/payable").asText()).isEqualTo("13300.00");
        assertThat(r.at("/payout_total").asText()).isEqualTo("513300.00");
        assertThat(r.at("/residual_self_pay").asText()).isEqualTo("717700.00");
        assertThat(r.at("/policies/0/accumulators/delta/limits/admission:M20260428000031:sublimit:"
                                + "INPATIENT_SELF_PAY:SURGICAL_MATERIALS")
                        .asText())
                .isEqualTo("13300.00");
    }
}
