package com.huibao.gateway.app.settlement;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.domain.claim.ClaimEvent;
import com.huibao.gateway.domain.consent.Purpose;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Intake from the data feed and proactive claims (主动赔), against in-memory stores. */
class IngestSettlementUseCaseTest {
    private final UseCaseWorld world = new UseCaseWorld();
    private final IngestSettlementUseCase ingest = new IngestSettlementUseCase(
            world.checks, world.db.settlementStore(), world.cases, world.claimCreation, world.clock, ZONE);

    @Test
    void a_settlement_of_a_patient_who_authorized_proactive_claims_makes_the_claim_and_tells_the_insurer() {
        world.authorizing("INS-HMB", Set.of(Purpose.PROACTIVE_CLAIM));

        SettlementStore.Intake intake =
                await(ingest.execute(UseCaseWorld.settlement("settlement-inpatient-1.json", null)));

        assertThat(intake.created()).isTrue();
        assertThat(world.db.claims()).singleElement().satisfies(c -> {
            assertThat(c.policyNo()).isEqualTo(HMB);
            assertThat(c.channel()).isEqualTo("PROACTIVE_CLAIM");
            assertThat(c.payout().toString()).isEqualTo("3208.26");
        });
        assertThat(world.db.events()).hasSize(2);
        assertThat(world.db.events().get(0)).isInstanceOf(ClaimEvent.SettlementAvailable.class);
        assertThat(world.db.events().get(1)).isInstanceOf(ClaimEvent.ClaimCreated.class);
    }

    @Test
    void the_same_settlement_again_is_a_replay_that_claims_nothing_twice() {
        world.authorizing("INS-HMB", Set.of(Purpose.PROACTIVE_CLAIM));
        await(ingest.execute(UseCaseWorld.settlement("settlement-inpatient-1.json", null)));

        SettlementStore.Intake again =
                await(ingest.execute(UseCaseWorld.settlement("settlement-inpatient-1.json", null)));

        assertThat(again.created()).isFalse();
        assertThat(world.db.claims()).extracting(ClaimStore.Claim::policyNo).containsExactly(HMB);
        assertThat(world.db.events()).hasSize(2);
    }

    @Test
    void another_settlement_under_a_stored_setl_id_is_a_conflict_without_claims() {
        await(ingest.execute(UseCaseWorld.settlement("settlement-inpatient-1.json", null)));
        world.authorizing("INS-HMB", Set.of(Purpose.PROACTIVE_CLAIM));

        assertThatThrownBy(() -> await(
                        ingest.execute(UseCaseWorld.settlement("settlement-outpatient-2.json", "S20260315000001"))))
                .isInstanceOfSatisfying(
                        Failure.Conflict.class, f -> assertThat(f.code()).isEqualTo("SETTLEMENT_CONFLICT"));
        assertThat(world.db.claims()).isEmpty();
    }

    @Test
    void without_a_proactive_consent_the_settlement_is_kept_and_no_claim_is_made() {
        world.authorizing(Purpose.QUICK_CLAIM);

        await(ingest.execute(UseCaseWorld.settlement("settlement-inpatient-1.json", null)));

        assertThat(world.db.holdsSettlement("S20260315000001")).isTrue();
        assertThat(world.db.claims()).isEmpty();
        assertThat(world.db.events()).isEmpty();
    }
}
