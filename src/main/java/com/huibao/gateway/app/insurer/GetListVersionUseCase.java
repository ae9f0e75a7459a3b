package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;

/** {@code GET /v1/lists/{list_id}/versions/{version}}: one version of one of the insurer's coverage lists. */
public final class GetListVersionUseCase {
    private final InsurerCatalogStore store;

    public GetListVersionUseCase(InsurerCatalogStore store) {
        this.store = store;
    }

    public Future<InsurerCatalogStore.Published> execute(Principal insurer, String listId, String version) {
        return store.listVersion(insurer.tenant(), listId, version)
                .map(p -> p.orElseThrow(() -> InsurerDocumentsNotFound.listVersion(listId, version)));
    }
}
