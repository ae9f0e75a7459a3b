package com.huibao.gateway.app.insurer;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_PMI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.settlement.IngestSettlementUseCase;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An insurer's claims: list, read (only while the patient's consent holds) and pay, against in-memory stores. */
class ClaimUseCasesTest {
    private final UseCaseWorld world = new UseCaseWorld().authorizing("INS-HMB", Set.of(Purpose.PROACTIVE_CLAIM));
    private final ListClaimsUseCase list = new ListClaimsUseCase(world.db.claimStore());
    private final GetClaimUseCase get = new GetClaimUseCase(
            world.db.claimStore(),
            world.db.consentStore(),
            new ConsentRules(UseCaseWorld.ZONE),
            world.db.accessLog(),
            world.clock);
    private final PayClaimUseCase pay = new PayClaimUseCase(world.db.claimStore());
    private final Instant paidAt = Instant.parse("2026-05-02T01:00:00Z");

    /** HMB's proactive claim of the worked example, made at intake. */
    private String claim() {
        await(new IngestSettlementUseCase(
                        world.checks,
                        world.db.settlementStore(),
                        world.cases,
                        world.claimCreation,
                        world.clock,
                        UseCaseWorld.ZONE)
                .execute(UseCaseWorld.settlement("settlement-inpatient-1.json", null)));
        return world.db.claims().get(0).claimId();
    }

    @Test
    void an_insurer_lists_and_reads_its_own_claims_and_each_read_is_in_the_patients_access_log() {
        String id = claim();

        assertThat(await(list.execute(INSURER_HMB, new ClaimStore.Filter(null, null, null, null), null, 50))
                        .claims())
                .extracting(ClaimStore.Claim::claimId)
                .containsExactly(id);
        assertThat(await(list.execute(INSURER_PMI, new ClaimStore.Filter(null, null, null, null), null, 50))
                        .claims())
                .isEmpty();
        assertThat(await(get.execute(INSURER_HMB, id)).policyNo()).isEqualTo(HMB);
        assertThat(world.db.accessLogOf(UseCaseWorld.PERSON))
                .extracting(e -> e.action() + ":" + e.actorTenant())
                .containsExactly("CLAIM_READ:INS-HMB");
        assertThatThrownBy(() -> await(get.execute(INSURER_PMI, id)))
                .isInstanceOfSatisfying(
                        Failure.NotFound.class, f -> assertThat(f.code()).isEqualTo("CLAIM_NOT_FOUND"));
    }

    @Test
    void a_claim_is_not_read_once_the_patient_revoked_the_consent_it_was_made_under() {
        String id = claim();
        var consent =
                await(world.db.consentStore().forPerson(UseCaseWorld.PERSON)).get(0);
        await(world.db.patientStore().revoke(UseCaseWorld.PERSON, consent.id(), world.clock.instant()));

        assertThatThrownBy(() -> await(get.execute(INSURER_HMB, id)))
                .isInstanceOfSatisfying(
                        Failure.Forbidden.class, f -> assertThat(f.code()).isEqualTo("CONSENT_REVOKED"));
        assertThat(world.db.accessLogOf(UseCaseWorld.PERSON)).isEmpty();
    }

    @Test
    void approved_becomes_paid_once_the_same_payment_again_is_a_replay_and_another_is_an_illegal_transition() {
        String id = claim();

        ClaimStore.Claim paid = await(pay.execute(INSURER_HMB, id, "PAY-1", paidAt));
        assertThat(paid.state()).isEqualTo("PAID");
        assertThat(paid.paidAt()).isEqualTo(paidAt);

        assertThat(await(pay.execute(INSURER_HMB, id, "PAY-1", paidAt.plusSeconds(60)))
                        .paidAt())
                .as("a replay changes nothing")
                .isEqualTo(paidAt);
        assertThatThrownBy(() -> await(pay.execute(INSURER_HMB, id, "PAY-2", paidAt)))
                .isInstanceOfSatisfying(
                        Failure.Conflict.class, f -> assertThat(f.code()).isEqualTo("ILLEGAL_TRANSITION"));
        assertThatThrownBy(() -> await(pay.execute(INSURER_PMI, id, "PAY-1", paidAt)))
                .isInstanceOf(Failure.NotFound.class);
    }
}
