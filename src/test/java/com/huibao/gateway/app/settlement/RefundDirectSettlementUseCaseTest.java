package com.huibao.gateway.app.settlement;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PMI;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.support.Readers;
import java.util.Map;
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

    /** Each policy's claim after the steps: payout, its split, the plan version it names. */
    private static Map<String, String> claimsAfter(Consumer<UseCaseWorld> steps) {
        UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
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
}
