package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/me/claims}: the patient's claims with the payout and what each settlement still leaves them. */
public final class ListMyClaimsUseCase {
    private final ClaimStore claims;
    private final Names names;

    public ListMyClaimsUseCase(ClaimStore claims, Names names) {
        this.claims = claims;
        this.names = names;
    }

    /** A claim with the names the patient reads: the insurer's and the hospital's or pharmacy's. */
    public record MyClaim(ClaimStore.PatientClaim claim, String insurerName, String institutionName) {}

    public Future<List<MyClaim>> execute(Principal patient) {
        return claims.forPerson(patient.tenant())
                .map(list -> list.stream()
                        .map(c -> new MyClaim(c, names.insurer(c.insurerId()), names.institution(c.fixmedinsCode())))
                        .toList());
    }
}
