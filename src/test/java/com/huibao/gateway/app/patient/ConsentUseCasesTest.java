package com.huibao.gateway.app.patient;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A patient's authorizations: grant (with a receipt), list, revoke, against in-memory stores. */
class ConsentUseCasesTest {
    private final UseCaseWorld world = new UseCaseWorld();
    private final GrantConsentUseCase grant = new GrantConsentUseCase(
            world.db.patientStore(), (c, person) -> "receipt-of-" + c.id(), world.ids, world.clock);
    private final ListMyConsentsUseCase list = new ListMyConsentsUseCase(world.db.consentStore());
    private final RevokeConsentUseCase revoke = new RevokeConsentUseCase(world.db.patientStore(), world.clock);
    private final Instant expires = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void a_grant_is_stored_with_its_receipt_and_listed() {
        GrantConsentUseCase.Granted g = await(
                grant.execute(PATIENT, "INS-PMI", Set.of(Purpose.QUICK_CLAIM), LocalDate.of(2026, 1, 1), expires));

        assertThat(g.receipt()).isEqualTo("receipt-of-" + g.consent().id());
        assertThat(g.consent().grantedAt()).isEqualTo(world.clock.instant());
        assertThat(await(list.execute(PATIENT)))
                .extracting(Consent::id)
                .containsExactly(g.consent().id());
    }

    @Test
    void a_grant_to_an_insurer_of_none_of_the_patients_policies_or_in_the_past_is_refused_naming_each_field() {
        assertThatThrownBy(() -> await(grant.execute(
                        PATIENT, "INS-NOBODY", Set.of(), LocalDate.of(2026, 1, 1), world.clock.instant())))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("insurer_id", "purposes", "expires_at"));
        assertThat(await(list.execute(PATIENT))).isEmpty();
    }

    @Test
    void a_revocation_takes_effect_tells_the_insurer_once_and_keeps_its_first_time() {
        Consent c = await(grant.execute(
                        PATIENT, "INS-PMI", Set.of(Purpose.QUICK_CLAIM), LocalDate.of(2026, 1, 1), expires))
                .consent();

        Consent revoked = await(revoke.execute(PATIENT, c.id()));
        assertThat(revoked.revokedAt()).isEqualTo(world.clock.instant());
        assertThat(await(revoke.execute(PATIENT, c.id())).revokedAt()).isEqualTo(revoked.revokedAt());
        assertThat(world.db.consentEvents()).containsExactly("consent.revoked:INS-PMI:" + c.id());
        assertThatThrownBy(() -> await(revoke.execute(PATIENT, UUID.randomUUID())))
                .isInstanceOfSatisfying(
                        Failure.NotFound.class, f -> assertThat(f.code()).isEqualTo("CONSENT_NOT_FOUND"));
    }
}
