package com.huibao.gateway.app.insurer;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_PMI;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PMI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.settlement.IngestSettlementUseCase;
import com.huibao.gateway.domain.claim.ClaimEvent;
import com.huibao.gateway.domain.consent.Purpose;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quick claims (快赔) against in-memory stores: once per (setl_id, policy_no), only with the patient's consent. */
class QuickClaimUseCaseTest {
    private static final String SETL = "S20260315000001";

    private final UseCaseWorld world = new UseCaseWorld();
    private final QuickClaimUseCase quick = world.quickClaims();
    private final IngestSettlementUseCase ingest = new IngestSettlementUseCase(
            world.checks, world.db.settlementStore(), world.cases, world.claimCreation, world.clock, UseCaseWorld.ZONE);

    private void held() {
        await(ingest.execute(UseCaseWorld.settlement("settlement-inpatient-1.json", null)));
    }

    @Test
    void a_quick_claim_pays_what_other_claims_left_of_each_line_to_the_patient_once() {
        // as ClaimsAndQuickClaimsTest over HTTP: HMB's proactive claim at intake pays the worked example's 3,208.26;
        // PMI's quick claim then sees what HMB left of each line and pays the worked example's 4,344.07
        world.authorizing("INS-HMB", Set.of(Purpose.PROACTIVE_CLAIM));
        world.authorizing("INS-PMI", Set.of(Purpose.QUICK_CLAIM));
        held();
        int events = world.db.events().size();

        QuickClaimUseCase.Outcome first = await(quick.execute(INSURER_PMI, SETL, PMI));

        assertThat(first.replay()).isFalse();
        assertThat(first.claim().channel()).isEqualTo("QUICK_CLAIM");
        assertThat(first.claim().payout().toString()).isEqualTo("4344.07");
        assertThat(first.claim().paysPatient()).isEqualTo(first.claim().payout());
        assertThat(world.db.events()).hasSize(events + 1).last().isInstanceOf(ClaimEvent.ClaimCreated.class);
        assertThat(world.db.accessLogOf(UseCaseWorld.PERSON))
                .extracting(e -> e.action())
                .containsExactly("QUICK_CLAIM");
        assertThat(world.db.accumulatorReadsOutsideTransactions())
                .as("intake and quick claim read the accumulators only under the policy's lock")
                .isZero();

        QuickClaimUseCase.Outcome again = await(quick.execute(INSURER_PMI, SETL, PMI));
        assertThat(again.replay()).isTrue();
        assertThat(again.claim().claimId()).isEqualTo(first.claim().claimId());
        assertThat(world.db.claims()).hasSize(2);
        assertThat(world.db.events()).hasSize(events + 1);
    }

    @Test
    void without_the_patients_quick_claim_consent_the_insurer_is_refused_and_nothing_is_written() {
        held();
        assertThatThrownBy(() -> await(quick.execute(INSURER_PMI, SETL, PMI)))
                .isInstanceOfSatisfying(
                        Failure.Forbidden.class, f -> assertThat(f.code()).isEqualTo("NO_AUTHORIZATION"));

        world.authorizing("INS-PMI", Set.of(Purpose.DIRECT_SETTLEMENT));
        assertThatThrownBy(() -> await(quick.execute(INSURER_PMI, SETL, PMI)))
                .isInstanceOfSatisfying(
                        Failure.Forbidden.class, f -> assertThat(f.code()).isEqualTo("PURPOSE_NOT_GRANTED"));
        assertThat(world.db.claims()).isEmpty();
        assertThat(world.db.events()).isEmpty();
    }

    @Test
    void a_settlement_the_gateway_does_not_hold_and_another_insurers_policy_are_not_found() {
        world.authorizing(Purpose.QUICK_CLAIM);

        assertThatThrownBy(() -> await(quick.execute(INSURER_PMI, SETL, PMI)))
                .isInstanceOfSatisfying(
                        Failure.NotFound.class, f -> assertThat(f.code()).isEqualTo("SETTLEMENT_NOT_FOUND"));
        held();
        assertThatThrownBy(() -> await(quick.execute(INSURER_HMB, SETL, PMI)))
                .isInstanceOfSatisfying(
                        Failure.NotFound.class, f -> assertThat(f.code()).isEqualTo("POLICY_NOT_FOUND"));
        assertThat(world.db.claims()).isEmpty();
    }
}
