package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/me/policies}: the patient's own policies. */
public final class ListMyPoliciesUseCase {
    private final PatientStore store;

    public ListMyPoliciesUseCase(PatientStore store) {
        this.store = store;
    }

    public Future<List<InsurerCatalogStore.StoredPolicy>> execute(Principal patient) {
        return store.policies(patient.tenant());
    }
}
