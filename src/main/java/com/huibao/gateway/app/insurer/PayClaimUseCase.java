package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.claim.ClaimState;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * {@code POST /v1/claims/{claim_id}/payment}: APPROVED → PAID ({@link ClaimState} decides). Paying a paid claim
 * again with the same reference is a replay; any other transition is 409 ILLEGAL_TRANSITION.
 */
public final class PayClaimUseCase {
    private final ClaimStore store;

    public PayClaimUseCase(ClaimStore store) {
        this.store = store;
    }

    public Future<ClaimStore.Claim> execute(Principal insurer, String claimId, String paymentRef, Instant paidAt) {
        return InsurerClaims.find(store, insurer, claimId).compose(c -> {
            ClaimState state = ClaimState.valueOf(c.state());
            if (state == ClaimState.PAID && paymentRef.equals(c.paymentRef())) {
                return Future.succeededFuture(c);
            }
            if (!state.canMoveTo(ClaimState.PAID)) {
                throw illegal(c);
            }
            return store.markPaid(insurer.tenant(), claimId, paymentRef, paidAt).map(after -> {
                if (!ClaimState.PAID.name().equals(after.state()) || !paymentRef.equals(after.paymentRef())) {
                    throw illegal(after);
                }
                return after;
            });
        });
    }

    private static Failure.Conflict illegal(ClaimStore.Claim c) {
        return new Failure.Conflict(
                "ILLEGAL_TRANSITION",
                "claim " + c.claimId() + " is " + c.state()
                        + (c.paymentRef() != null ? " (payment " + c.paymentRef() + ")" : "")
                        + "; only an APPROVED claim can be paid");
    }
}
