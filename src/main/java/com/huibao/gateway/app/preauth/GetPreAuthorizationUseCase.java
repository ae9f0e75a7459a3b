package com.huibao.gateway.app.preauth;

import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.PreAuthStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

/**
 * {@code GET /v1/pre-authorizations/{id}}: the application and its state, for the patient, the applicant, or the
 * policy's insurer while the patient's consent holds (the insurer's read goes into the patient's access log).
 */
public final class GetPreAuthorizationUseCase {
    private final PreAuthStore store;
    private final PreAuthAccess access;
    private final AccessLog log;
    private final Clock clock;

    public GetPreAuthorizationUseCase(
            PreAuthStore store, ConsentStore consents, ConsentRules rules, AccessLog log, Clock clock, ZoneId zone) {
        this.store = store;
        this.access = new PreAuthAccess(consents, rules, clock, zone);
        this.log = log;
        this.clock = clock;
    }

    public Future<PreAuthorization> execute(Principal who, UUID id) {
        return store.find(id)
                .map(found -> found.orElseThrow(() -> PreAuthAccess.notFound(id)))
                .compose(p -> {
                    if (who.role() == Role.INSURER) {
                        return access.insurerMayRead(who, p)
                                .compose(ok -> log.record(
                                                p.personKey(),
                                                who,
                                                "PRE_AUTHORIZATION_READ",
                                                Purpose.PRE_AUTHORIZATION.name(),
                                                id.toString(),
                                                clock.instant())
                                        .map(p));
                    }
                    if (!PreAuthAccess.ownsAsPatientOrApplicant(who, p)) {
                        throw PreAuthAccess.notFound(id);
                    }
                    return Future.succeededFuture(p);
                });
    }
}
