package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT /v1/lists/{list_id}/versions/{version}}: a coverage-list version of the insurer, immutable once
 * published; versions of one list never overlap (the store refuses).
 */
public final class PublishListVersionUseCase {
    private final InsurerCatalogStore store;

    public PublishListVersionUseCase(InsurerCatalogStore store) {
        this.store = store;
    }

    /** {@code document}: the version as sent (JSON, or the JSON form of a CSV), stored and answered as published. */
    public Future<InsurerCatalogStore.Published> execute(
            Principal insurer, String listId, String version, ListVersion list, String document) {
        List<Violation> v = new ArrayList<>();
        if (!listId.equals(list.listId())) {
            v.add(new Violation("list_id", "ID_MISMATCH", "list_id must equal the URL's " + listId));
        }
        if (!version.equals(list.version())) {
            v.add(new Violation("version", "ID_MISMATCH", "version must equal the URL's " + version));
        }
        if (!v.isEmpty()) {
            throw InvalidDocumentException.inconsistent(v);
        }
        return store.publishListVersion(insurer.tenant(), list, document)
                .map(p -> p.orElseThrow(() -> InsurerDocumentsNotFound.listVersion(listId, version)));
    }
}
