package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;

/** {@code GET /v1/claims}: the insurer's own claims, filtered, in cursor pages of at most {@value #MAX_PAGE}. */
public final class ListClaimsUseCase {
    public static final int MAX_PAGE = 500;

    private final ClaimStore store;

    public ListClaimsUseCase(ClaimStore store) {
        this.store = store;
    }

    public Future<ClaimStore.Page> execute(Principal insurer, ClaimStore.Filter filter, String cursor, int limit) {
        return store.list(insurer.tenant(), filter, cursor, Math.min(Math.max(limit, 1), MAX_PAGE));
    }
}
