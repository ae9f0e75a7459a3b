package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.IdSource;
import com.huibao.gateway.app.port.PreAuthLedger;
import com.huibao.gateway.app.port.RefundLedger;
import com.huibao.gateway.app.port.SettlementParser;
import com.huibao.gateway.app.port.Transaction;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PreAuthPurchases;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.claim.DirectSettlementRefund;
import com.huibao.gateway.domain.claim.SettledClaim;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /v1/direct-settlements/{setl_id}/refunds}: a partial refund (退费) of a confirmed direct settlement,
 * in one transaction: the settlement locked, the refund read against it and every earlier refund (a refund larger
 * than its line, or amounts that no longer add up: 422, nothing changed), the claims and the policies locked, the
 * net settlement adjudicated again on each taking-part policy's accumulators as they were before this settlement,
 * under the plan versions the settlement was confirmed under ({@link DirectSettlementRefund}), a returned box of a
 * purchase under an approval given back to it ({@link PreAuthPurchases#afterRefund}), and the differences written:
 * claims, accumulators, totals, events, audit. Idempotent by the hospital's {@code refund_id}: the same refund
 * answers as it was answered, another under the same id is 409 REFUND_CONFLICT. A reversed settlement takes no
 * refund (409 SETTLEMENT_REVERSED).
 */
public final class RefundDirectSettlementUseCase {
    private static final ClaimChannel DIRECT = ClaimChannel.DIRECT_SETTLEMENT;

    private final SettlementChecks checks;
    private final PatientCases cases;
    private final SettlementParser parser;
    private final Transactions transactions;
    private final IdSource ids;
    private final Clock clock;

    public RefundDirectSettlementUseCase(
            SettlementChecks checks,
            PatientCases cases,
            SettlementParser parser,
            Transactions transactions,
            IdSource ids,
            Clock clock) {
        this.checks = checks;
        this.cases = cases;
        this.parser = parser;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** The answer as sent, and whether it is the stored answer of an earlier post of this refund. */
    public record Outcome(String response, boolean replay) {}

    /**
     * @param document the refund: {@code {"setlinfo": {negative amounts}, "feedetail": [refund lines]}}
     * @param render writes the answer to a new refund (the http adapter's); it is stored with it
     */
    public Future<Outcome> execute(
            Principal hospital,
            String setlId,
            String refundId,
            String document,
            String requestHash,
            Function<DirectSettlementRefund.Refunded, String> render) {
        return transactions.inTransaction(tx -> tx.directSettlements()
                .lockForReversal(setlId, hospital.tenant())
                .compose(found -> {
                    DirectSettlementRecord r = found.orElseThrow(() -> new Failure.NotFound(
                            "DIRECT_SETTLEMENT_NOT_FOUND",
                            "no confirmed direct settlement " + setlId + " of this hospital"));
                    if (r.reversed()) {
                        throw new Failure.Conflict(
                                "SETTLEMENT_REVERSED", setlId + " was reversed; a reversed settlement takes no refund");
                    }
                    return tx.refunds().find(setlId, refundId).compose(stored -> {
                        if (stored.isPresent()) {
                            if (!stored.get().requestHash().equals(requestHash)) {
                                throw new Failure.Conflict(
                                        "REFUND_CONFLICT",
                                        "refund " + refundId + " of " + setlId + " was posted with other contents");
                            }
                            return Future.succeededFuture(
                                    new Outcome(stored.get().response(), true));
                        }
                        return tx.refunds()
                                .documents(setlId)
                                .compose(
                                        docs -> refund(tx, hospital, r, refundId, document, requestHash, docs, render));
                    });
                }));
    }

    private Future<Outcome> refund(
            Transaction tx,
            Principal hospital,
            DirectSettlementRecord confirmed,
            String refundId,
            String document,
            String requestHash,
            RefundLedger.Refundable docs,
            Function<DirectSettlementRefund.Refunded, String> render) {
        String setlId = confirmed.setlId();
        List<String> refunds = new ArrayList<>(docs.refunds());
        refunds.add(document);
        Settlement net = parser.parseRefunded(
                docs.settlement().document(), refunds, docs.settlement().fixmedinsCode());
        checks.consistent(net);
        SettlementChecks.ownedBy(hospital, net);
        Future<List<SettledClaim>> claims = tx.claims().lockDirectSettlementClaims(setlId);
        Future<Map<String, Accumulators>> recorded = tx.accumulators().lockRecorded(setlId, DIRECT);
        // approvals after policies, as a confirm locks them
        Future<List<PreAuthLedger.Use>> uses =
                Future.all(claims, recorded).compose(v -> tx.preAuthorizations().lockUses(setlId));
        return uses.compose(v -> tx.accumulators().before(setlId, DIRECT))
                .compose(before -> cases.loadAsConfirmed(
                                net.setlinfo(), Purpose.DIRECT_SETTLEMENT, confirmed.planVersions())
                        .compose(loaded -> {
                            Set<String> takingPart =
                                    new HashSet<>(recorded.result().keySet());
                            claims.result().forEach(c -> takingPart.add(c.policyNo()));
                            List<PolicyCase> again = new ArrayList<>();
                            for (PolicyCase c : loaded.cases()) {
                                String policyNo = c.policy().policyNo();
                                if (takingPart.contains(policyNo)) {
                                    Accumulators start = before.containsKey(policyNo)
                                            ? before.get(policyNo)
                                            : c.accumulators()
                                                    .minus(recorded.result()
                                                            .getOrDefault(policyNo, Accumulators.EMPTY));
                                    again.add(PolicyCase.allowed(c.policy(), c.plan(), start));
                                }
                            }
                            Instant now = clock.instant();
                            DirectSettlementRefund.Refunded refunded = DirectSettlementRefund.decide(
                                    loaded.engine(),
                                    net,
                                    refundId,
                                    again,
                                    claims.result(),
                                    loaded.planVersions(),
                                    ids::claimId,
                                    now);
                            String response = render.apply(refunded);
                            List<PreAuthLedger.KeptUse> kept = PreAuthPurchases.afterRefund(net, uses.result());
                            return record(tx, hospital, net, refunded, document, requestHash, response)
                                    .compose(v -> tx.preAuthorizations().keepUses(kept))
                                    .map(new Outcome(response, false));
                        }));
    }

    private static Future<Void> record(
            Transaction tx,
            Principal hospital,
            Settlement net,
            DirectSettlementRefund.Refunded r,
            String document,
            String requestHash,
            String response) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("refund_id", r.refundId());
        details.put("payout_total", r.adjudication().payoutTotal().toString());
        return tx.accumulators()
                .replaceRecorded(r.setlId(), DIRECT, r.results())
                .compose(v -> tx.claims().adjust(r.refundId(), r.adjustments(), r.at()))
                .compose(v -> r.created().isEmpty()
                        ? Future.succeededFuture()
                        : tx.claims().insert(r.created()))
                .compose(v -> tx.directSettlements().recordRefund(r.setlId(), net, r.adjudication()))
                .compose(v -> tx.refunds()
                        .insert(r.setlId(), r.refundId(), requestHash, document, response, r.adjudication(), r.at()))
                .compose(v -> tx.outbox().emit(r.events(), r.at()))
                .compose(v -> tx.audit()
                        .append(
                                "HOSPITAL:" + hospital.tenant(),
                                "DIRECT_SETTLEMENT_REFUNDED",
                                r.setlId(),
                                details,
                                r.at()));
    }
}
