package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/me/claims}: the patient's claims with the payout and what each settlement still leaves them. */
public final class ListMyClaimsUseCase {
    private final ClaimStore claims;

    public ListMyClaimsUseCase(ClaimStore claims) {
        this.claims = claims;
    }

    public Future<List<ClaimStore.PatientClaim>> execute(Principal patient) {
        return claims.forPerson(patient.tenant());
    }
}
