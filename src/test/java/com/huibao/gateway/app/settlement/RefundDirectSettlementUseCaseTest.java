package com.huibao.gateway.app.settlement;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PMI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.support.Readers;
import com.huibao.gateway.support.Settlements;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A partial refund re-adjudicates the settlement under the terms it was confirmed under: the plan versions recorded
 * with the confirmation, even after the insurer has published a new version.
 */
class RefundDirectSettlementUseCaseTest {
    private static final String SETL = "S20260315000001";

    /** 沪惠保's specialty drugs paid at 80 % instead of 70 % (the only responsibility with a 0.30 pre-existing ratio). */
    public static String specialtyAtEighty(String plans) {
        return plans.replace(
                "\"ratio\": \"0.70\",\n    \"preexisting_ratio\": \"0.30\"",
                "\"ratio\": \"0.80\",\n    \"preexisting_ratio\": \"0.30\"");
    }

    private static void confirm(UseCaseWorld world) {
        world.confirmed("settlement-inpatient-1.json", SETL);
    }

    private static void refundOneBoxOfTheSpecialtyDrug(UseCaseWorld world) {
        await(new RefundDirectSettlementUseCase(
                        world.checks, world.cases, Readers.reader(), world.db, world.ids, world.clock)
                .execute(HOSPITAL, SETL, "RF-1", RefundDocuments.SPECIALTY.formatted(1), "h1", r -> "refunded"));
    }

    /** Each policy's claim after the steps (both insurers authorized for direct settlement). */
    private static Map<String, String> claimsAfter(Consumer<UseCaseWorld> steps) {
        return claimsAfter(new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT), steps);
    }

    /** Each policy's claim after the steps: payout, its split, the plan version it names; and its accumulators. */
    private static Map<String, String> claimsAfter(UseCaseWorld world, Consumer<UseCaseWorld> steps) {
        steps.accept(world);
        Map<String, String> out = new TreeMap<>();
        for (ClaimStore.Claim c : world.db.claims()) {
            out.put(
                    c.policyNo(),
                    c.payout() + " = " + c.paysHospital() + " + " + c.paysPatient() + " under v" + c.planVersion());
        }
        for (String policy : new String[] {HMB, PMI}) {
            out.put(policy + " accumulators", world.db.accumulatorsOf(policy).toString());
        }
        return out;
    }

    @Test
    void a_refund_after_a_new_plan_version_re_adjudicates_under_the_version_the_settlement_was_confirmed_under() {
        Map<String, String> unchanged = claimsAfter(w -> {
            confirm(w);
            refundOneBoxOfTheSpecialtyDrug(w);
        });
        Map<String, String> republished = claimsAfter(w -> {
            confirm(w);
            w.publishing("HMB-2026", RefundDirectSettlementUseCaseTest::specialtyAtEighty);
            refundOneBoxOfTheSpecialtyDrug(w);
        });
        Map<String, String> confirmedUnderTheNewVersion = claimsAfter(w -> {
            w.publishing("HMB-2026", RefundDirectSettlementUseCaseTest::specialtyAtEighty);
            confirm(w);
            refundOneBoxOfTheSpecialtyDrug(w);
        });

        assertThat(republished).isEqualTo(unchanged);
        assertThat(unchanged.get(HMB)).endsWith("under v1");
        assertThat(confirmedUnderTheNewVersion.get(HMB))
                .as("the new version pays more of the specialty drug: the edit matters")
                .endsWith("under v2")
                .isNotEqualTo(unchanged.get(HMB).replace("v1", "v2"));
    }

    @Test
    void the_confirmation_records_the_version_of_every_plan_that_took_part() {
        UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
        world.publishing("HMB-2026", RefundDirectSettlementUseCaseTest::specialtyAtEighty);
        confirm(world);

        assertThat(world.db.directSettlement(SETL))
                .get()
                .satisfies(r -> assertThat(r.planVersions()).isEqualTo(Map.of("HMB-2026", 2, "PMI-GOLD", 1)));
    }

    @Test
    void a_quick_claim_after_a_partial_refund_pays_on_the_settlement_as_it_stands() {
        Map<String, String> refundedThenClaimed = claimsAfter(hmbDirectlyPmiByQuickClaim(), w -> {
            confirm(w);
            await(new RefundDirectSettlementUseCase(w.checks, w.cases, Readers.reader(), w.db, w.ids, w.clock)
                    .execute(HOSPITAL, SETL, "RF-1", RefundDocuments.OUT_OF_LIST.formatted(1), "h1", r -> "r"));
            await(w.quickClaims().execute(UseCaseWorld.INSURER_PMI, SETL, PMI));
        });
        Map<String, String> boughtOneBoxOnly = claimsAfter(hmbDirectlyPmiByQuickClaim(), w -> {
            StoredSettlement s = oneBoxOfTheOutOfListDrugOnly();
            await(w.confirms().execute(HOSPITAL, SETL, s, s.contentHash(), c -> "confirmed"));
            await(w.quickClaims().execute(UseCaseWorld.INSURER_PMI, SETL, PMI));
        });

        assertThat(refundedThenClaimed).containsKey(PMI).isEqualTo(boughtOneBoxOnly);
    }

    /** 沪惠保 settles at the counter; the private plan is authorized for quick claims only, so it claims afterwards. */
    private static UseCaseWorld hmbDirectlyPmiByQuickClaim() {
        return new UseCaseWorld()
                .authorizing("INS-HMB", Set.of(Purpose.DIRECT_SETTLEMENT))
                .authorizing("INS-PMI", Set.of(Purpose.QUICK_CLAIM));
    }

    /** The worked inpatient settlement had the patient bought one box of the out-of-catalogue drug, not two. */
    private static StoredSettlement oneBoxOfTheOutOfListDrugOnly() {
        ObjectNode doc = Settlements.doc("settlement-inpatient-1.json", SETL);
        ObjectNode header = (ObjectNode) doc.get("setlinfo");
        for (String field : List.of("medfee_sumamt", "fulamt_ownpay_amt", "psn_part_amt", "psn_cash_pay")) {
            header.put(
                    field,
                    Money.parse(header.get(field).asText())
                            .minus(Money.parse("1000.00"))
                            .toString());
        }
        ObjectNode line4 = (ObjectNode) doc.get("feedetail").get(3);
        line4.put("cnt", 1).put("det_item_fee_sumamt", "1000.00").put("fulamt_ownpay_amt", "1000.00");
        String text = Json.write(doc);
        return new StoredSettlement(
                Readers.reader().parse(text, UseCaseWorld.HOSPITAL_CODE), text, "one-box", "HOSPITAL");
    }
}
