package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.consent.Consent;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code DELETE /v1/me/consents/{id}}: every later request of the insurer under it is denied (CONSENT_REVOKED), and
 * the insurer is told (consent.revoked). Revoking again answers the first revocation.
 */
public final class RevokeConsentUseCase {
    private final PatientStore store;
    private final Clock clock;

    public RevokeConsentUseCase(PatientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Future<Consent> execute(Principal patient, UUID id) {
        return store.revoke(patient.tenant(), id, clock.instant())
                .map(c -> c.orElseThrow(
                        () -> new Failure.NotFound("CONSENT_NOT_FOUND", "no consent " + id + " of yours")));
    }
}
