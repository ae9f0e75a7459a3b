package com.huibao.gateway.app.preauth;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.preauth.PreAuthDecisions;
import com.huibao.gateway.domain.preauth.PreAuthEvent;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /v1/pre-authorizations/{id}/withdrawal}: the applicant or the patient takes an application back, or an
 * approval nothing was bought under yet; the insurer is told.
 */
public final class WithdrawPreAuthorizationUseCase {
    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;

    public WithdrawPreAuthorizationUseCase(Transactions transactions, Clock clock, ZoneId zone) {
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    public Future<PreAuthorization> execute(Principal who, UUID id) {
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> tx.preAuthorizations()
                .lock(id)
                .map(found -> found.filter(p -> PreAuthAccess.ownsAsPatientOrApplicant(who, p))
                        .orElseThrow(() -> PreAuthAccess.notFound(id)))
                .compose(p -> {
                    PreAuthDecisions.Outcome outcome =
                            PreAuthDecisions.withdraw(p, LocalDate.now(clock.withZone(zone)), now);
                    if (outcome instanceof PreAuthDecisions.Refused r) {
                        throw new Failure.Conflict(r.code(), r.detail());
                    }
                    PreAuthorization after = ((PreAuthDecisions.Done) outcome).after();
                    return Future.all(
                                    tx.preAuthorizations().update(after),
                                    tx.outbox().emit(List.of(new PreAuthEvent(after)), now),
                                    tx.audit()
                                            .append(
                                                    PreAuthAccess.requester(who),
                                                    "PRE_AUTHORIZATION_WITHDRAWN",
                                                    id.toString(),
                                                    Map.of(
                                                            "state",
                                                            after.state().name()),
                                                    now))
                            .map(after);
                }));
    }
}
