package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * {@code GET /v1/claims/{claim_id}}: one claim with its full breakdown, read only while the patient's consent for
 * the claim's purpose holds (a revocation bites at once); the read is recorded in the patient's access log.
 */
public final class GetClaimUseCase {
    private final ClaimStore store;
    private final ConsentStore consents;
    private final ConsentRules rules;
    private final AccessLog access;
    private final Clock clock;

    public GetClaimUseCase(ClaimStore store, ConsentStore consents, ConsentRules rules, AccessLog access, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    public Future<ClaimStore.Claim> execute(Principal insurer, String claimId) {
        return InsurerClaims.find(store, insurer, claimId).compose(c -> {
            Purpose purpose = ClaimChannel.valueOf(c.channel()).purpose();
            return consents.forPerson(c.personKey()).compose(list -> {
                String denial = rules.denial(list, insurer.tenant(), purpose, c.setlTime(), clock.instant());
                if (denial != null) {
                    throw new Failure.Forbidden(
                            denial, "the patient's authorization for " + purpose + " does not hold (" + denial + ")");
                }
                return access.record(c.personKey(), insurer, "CLAIM_READ", purpose.name(), claimId, clock.instant())
                        .map(c);
            });
        });
    }
}
