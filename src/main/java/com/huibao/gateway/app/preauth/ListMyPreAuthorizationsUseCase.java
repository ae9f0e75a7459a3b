package com.huibao.gateway.app.preauth;

import com.huibao.gateway.app.port.PreAuthStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/me/pre-authorizations}: the patient's applications and their states, newest first. */
public final class ListMyPreAuthorizationsUseCase {
    private final PreAuthStore store;

    public ListMyPreAuthorizationsUseCase(PreAuthStore store) {
        this.store = store;
    }

    public Future<List<PreAuthorization>> execute(Principal patient) {
        return store.forPerson(patient.tenant());
    }
}
