package com.huibao.gateway.app.preauth;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.preauth.PreAuthDecisions;
import com.huibao.gateway.domain.preauth.PreAuthEvent;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /v1/pre-authorizations/{id}/decision}: the policy's insurer approves an application (all or part of
 * the quantity, for a window) or denies it with a reason, while the patient's {@code PRE_AUTHORIZATION} consent
 * holds. Decided once: a decided application is a conflict.
 */
public final class DecidePreAuthorizationUseCase {
    /** The insurer's decision. */
    public sealed interface Decision {}

    public record Approve(BigDecimal quantity, LocalDate validFrom, LocalDate validTo) implements Decision {}

    public record Deny(String reason) implements Decision {}

    private final Transactions transactions;
    private final PreAuthAccess access;
    private final Clock clock;

    public DecidePreAuthorizationUseCase(
            Transactions transactions, ConsentStore consents, ConsentRules rules, Clock clock, ZoneId zone) {
        this.transactions = transactions;
        this.access = new PreAuthAccess(consents, rules, clock, zone);
        this.clock = clock;
    }

    public Future<PreAuthorization> execute(Principal insurer, UUID id, Decision decision) {
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> tx.preAuthorizations()
                .lock(id)
                .map(found -> found.orElseThrow(() -> PreAuthAccess.notFound(id)))
                .compose(p -> access.insurerMayRead(insurer, p))
                .compose(p -> {
                    PreAuthDecisions.Outcome outcome = decision instanceof Approve a
                            ? PreAuthDecisions.approve(
                                    p, p.approvalNumber(), a.quantity(), a.validFrom(), a.validTo(), now)
                            : PreAuthDecisions.deny(p, ((Deny) decision).reason(), now);
                    if (outcome instanceof PreAuthDecisions.Refused r) {
                        if ("ILLEGAL_TRANSITION".equals(r.code())) {
                            throw new Failure.Conflict(r.code(), r.detail());
                        }
                        throw InvalidDocumentException.inconsistent(List.of(new Violation(
                                "QUANTITY_ABOVE_REQUESTED".equals(r.code()) ? "quantity" : "valid_to",
                                r.code(),
                                r.detail())));
                    }
                    PreAuthorization after = ((PreAuthDecisions.Done) outcome).after();
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("state", after.state().name());
                    if (after.quantityApproved() != null) {
                        details.put("quantity", after.quantityApproved().toPlainString());
                    }
                    return Future.all(
                                    tx.preAuthorizations().update(after),
                                    tx.outbox().emit(List.of(new PreAuthEvent(after)), now),
                                    tx.audit()
                                            .append(
                                                    "INSURER:" + insurer.tenant(),
                                                    "PRE_AUTHORIZATION_DECIDED",
                                                    id.toString(),
                                                    details,
                                                    now))
                            .map(after);
                }));
    }
}
