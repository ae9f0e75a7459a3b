package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;

/** One of the insurer's claims, or not found (another insurer's claims are not found either). */
final class InsurerClaims {
    private InsurerClaims() {}

    static Future<ClaimStore.Claim> find(ClaimStore store, Principal insurer, String claimId) {
        return store.get(insurer.tenant(), claimId)
                .map(c -> c.orElseThrow(
                        () -> new Failure.NotFound("CLAIM_NOT_FOUND", "no claim " + claimId + " of this insurer")));
    }
}
