package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.consent.Consent;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/me/consents}: the patient's authorizations, current and past. */
public final class ListMyConsentsUseCase {
    private final ConsentStore consents;

    public ListMyConsentsUseCase(ConsentStore consents) {
        this.consents = consents;
    }

    public Future<List<Consent>> execute(Principal patient) {
        return consents.forPerson(patient.tenant());
    }
}
