package com.huibao.gateway.app.patient;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PATIENT;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PMI;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.codec.StoredClaimResults;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.support.Readers;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A patient's explanation of a claim names its benefits and orders its payers as the claim was adjudicated. */
class GetMyClaimUseCaseTest {
    private static final String SETL = "S20260315000001";

    /** 沪惠保 renames its specialty-drug benefit and now pays after the private plan (priority 30 against its 20). */
    private static final UnaryOperator<String> RENAMED_AND_SECOND =
            plans -> plans.replace("\"name\": \"特定高额药品\"", "\"name\": \"特定高额药品（2027 版）\"")
                    .replace("\"cob_priority\": 10", "\"cob_priority\": 30");

    private static final Names NAMES = new Names() {
        @Override
        public String insurer(String insurerId) {
            return insurerId;
        }

        @Override
        public String institution(String fixmedinsCode) {
            return fixmedinsCode;
        }
    };

    private static GetMyClaimUseCase.Explanation explained(UseCaseWorld world) {
        String hmbClaim = world.db.claims().stream()
                .filter(c -> c.policyNo().equals(HMB))
                .map(ClaimStore.Claim::claimId)
                .findFirst()
                .orElseThrow();
        return await(new GetMyClaimUseCase(
                        world.db.claimStore(),
                        world.db.catalogStore(),
                        Readers.reader(),
                        NAMES,
                        new StoredClaimResults())
                .execute(PATIENT, hmbClaim));
    }

    @Test
    void a_plan_published_after_the_claim_changes_neither_its_benefit_names_nor_its_order() {
        UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
        world.confirmed("settlement-inpatient-1.json", SETL);
        world.publishing("HMB-2026", RENAMED_AND_SECOND);

        GetMyClaimUseCase.Explanation e = explained(world);

        assertThat(e.parts()).extracting(p -> p.claim().policyNo()).containsExactly(HMB, PMI);
        assertThat(e.parts().get(0).benefitNames()).containsEntry("SPECIALTY_DRUG", "特定高额药品");
    }

    @Test
    void a_claim_adjudicated_under_the_new_version_reads_as_that_version() {
        UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
        world.publishing("HMB-2026", RENAMED_AND_SECOND);
        world.confirmed("settlement-inpatient-1.json", SETL);

        GetMyClaimUseCase.Explanation e = explained(world);

        assertThat(e.parts()).extracting(p -> p.claim().policyNo()).containsExactly(PMI, HMB);
        assertThat(e.parts().get(1).benefitNames()).containsEntry("SPECIALTY_DRUG", "特定高额药品（2027 版）");
    }
}
