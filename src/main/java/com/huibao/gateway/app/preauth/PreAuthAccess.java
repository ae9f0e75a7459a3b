package com.huibao.gateway.app.preauth;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Who may see or touch a pre-authorization: the patient it is for, whoever applied ({@code requested_by}), and the
 * policy's insurer while the patient's {@code PRE_AUTHORIZATION} consent holds. To anyone else it does not exist.
 */
final class PreAuthAccess {
    private final ConsentStore consents;
    private final ConsentRules rules;
    private final Clock clock;
    private final ZoneId zone;

    PreAuthAccess(ConsentStore consents, ConsentRules rules, Clock clock, ZoneId zone) {
        this.consents = consents;
        this.rules = rules;
        this.clock = clock;
        this.zone = zone;
    }

    static String requester(Principal p) {
        return p.role().name() + ":" + p.tenant();
    }

    static Failure.NotFound notFound(Object id) {
        return new Failure.NotFound("PRE_AUTHORIZATION_NOT_FOUND", "no pre-authorization " + id + " of yours");
    }

    /** Whether the caller is the patient or the applicant. */
    static boolean ownsAsPatientOrApplicant(Principal who, PreAuthorization p) {
        return who.role() == Role.PATIENT
                ? who.tenant().equals(p.personKey())
                : requester(who).equals(p.requestedBy());
    }

    /** Succeeds when the insurer of the authorization may read it now; not found for another insurer. */
    Future<PreAuthorization> insurerMayRead(Principal insurer, PreAuthorization p) {
        if (!insurer.tenant().equals(p.insurerId())) {
            return Future.failedFuture(notFound(p.id()));
        }
        return consents.forPerson(p.personKey()).map(list -> {
            String denial = rules.denial(
                    list,
                    insurer.tenant(),
                    Purpose.PRE_AUTHORIZATION,
                    p.requestedAt().atZone(zone).toLocalDateTime(),
                    clock.instant());
            if (denial != null) {
                throw new Failure.Forbidden(
                        denial, "the patient's authorization for PRE_AUTHORIZATION does not hold (" + denial + ")");
            }
            return p;
        });
    }

    /** Whether the insurer may read it, as a yes or no (for a queue: the others wait for the patient's consent). */
    Future<Boolean> insurerMaySee(Principal insurer, PreAuthorization p) {
        return insurerMayRead(insurer, p).map(x -> true).otherwise(false);
    }
}
