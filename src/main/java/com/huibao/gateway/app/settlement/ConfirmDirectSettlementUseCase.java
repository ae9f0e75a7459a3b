package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.port.IdSource;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.port.Transaction;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PreAuthPurchases;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.claim.Confirmation;
import com.huibao.gateway.domain.claim.DirectSettlementConfirmation;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code PUT /v1/direct-settlements/{setl_id}}: confirm a direct settlement exactly once. In one transaction: the
 * settlement stored, the policies (and any pre-authorization its purchase lines quote) locked and read, the
 * confirmation decided ({@link DirectSettlementConfirmation}, {@link PreAuthPurchases}), its claims, deltas,
 * pre-authorization uses, events, audit record and response written. The same
 * request again gets that stored response back, untouched; a different body under the same id is a conflict.
 */
public final class ConfirmDirectSettlementUseCase {
    private final SettlementChecks checks;
    private final PatientCases cases;
    private final DirectSettlementStore store;
    private final Transactions transactions;
    private final AccessLog access;
    private final IdSource ids;
    private final Clock clock;

    public ConfirmDirectSettlementUseCase(
            SettlementChecks checks,
            PatientCases cases,
            DirectSettlementStore store,
            Transactions transactions,
            AccessLog access,
            IdSource ids,
            Clock clock) {
        this.checks = checks;
        this.cases = cases;
        this.store = store;
        this.transactions = transactions;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The response to send: the stored confirmation, as first sent.
     *
     * @param render writes the response of a new confirmation (the http adapter's); it is stored with it
     */
    public Future<String> execute(
            Principal hospital,
            String setlId,
            StoredSettlement settlement,
            String requestHash,
            Function<Confirmation, String> render) {
        checks.consistent(settlement.settlement());
        SettlementChecks.settled(settlement.settlement());
        SettlementChecks.ownedBy(hospital, settlement.settlement());
        if (!setlId.equals(settlement.settlement().setlinfo().setlId())) {
            throw InvalidDocumentException.inconsistent(List.of(new Violation(
                    "setlinfo.setl_id",
                    "SETL_ID_MISMATCH",
                    "setlinfo.setl_id must equal the setl_id of the URL, " + setlId)));
        }
        return store.find(setlId)
                .compose(existing -> existing.isPresent()
                        ? Future.succeededFuture(replay(existing.get(), requestHash))
                        : confirm(hospital, settlement, requestHash, render));
    }

    private Future<String> confirm(
            Principal hospital,
            StoredSettlement settlement,
            String requestHash,
            Function<Confirmation, String> render) {
        String setlId = settlement.settlement().setlinfo().setlId();
        return cases.loadToDecideUnderLock(settlement.settlement().setlinfo(), Purpose.DIRECT_SETTLEMENT)
                .compose(loaded -> access.record(
                                loaded.personKey(),
                                hospital,
                                "DIRECT_SETTLEMENT_CONFIRM",
                                Purpose.DIRECT_SETTLEMENT.name(),
                                setlId,
                                clock.instant())
                        .map(loaded))
                .compose(loaded -> transactions.inTransaction(tx -> {
                    List<String> policyNos = loaded.cases().stream()
                            .map(c -> c.policy().policyNo())
                            .sorted()
                            .toList();
                    // issued together, run in this order: a confirm of the same setl_id waits here for this one,
                    // and the reads follow the locks
                    Future<Void> serialized = tx.directSettlements().serialize(setlId);
                    Future<?> stored = tx.settlements().storeIfAbsent(settlement);
                    Future<Optional<DirectSettlementRecord>> existing =
                            tx.directSettlements().find(setlId);
                    Future<Void> locked = tx.accumulators().lock(policyNos);
                    Future<Map<String, Accumulators>> accumulators =
                            tx.accumulators().of(policyNos);
                    Future<Set<String>> claimed = tx.claims().liveClaimants(setlId);
                    Future<Map<String, PreAuthorization>> auths =
                            tx.preAuthorizations().lockByApprovalNos(PreAuthPurchases.numbers(settlement.settlement()));
                    return Future.all(List.of(serialized, stored, existing, locked, accumulators, claimed, auths))
                            .compose(v -> {
                                if (existing.result().isPresent()) {
                                    // a concurrent confirm of this setl_id committed first
                                    return Future.succeededFuture(
                                            replay(existing.result().get(), requestHash));
                                }
                                // purchases under a pre-authorization consume it, or nothing happens at all
                                PreAuthPurchases.Consumption consumed = PreAuthPurchases.consume(
                                        settlement.settlement(), loaded.personKey(), auths.result());
                                Confirmation c = DirectSettlementConfirmation.decide(
                                        loaded.engine(),
                                        new DirectSettlementConfirmation.Inputs(
                                                settlement.settlement(),
                                                loaded.cases(),
                                                accumulators.result(),
                                                claimed.result(),
                                                loaded.planVersions()),
                                        ids::claimId,
                                        clock.instant());
                                return record(tx, c, requestHash, render.apply(c), consumed);
                            });
                }));
    }

    private static Future<String> record(
            Transaction tx,
            Confirmation c,
            String requestHash,
            String response,
            PreAuthPurchases.Consumption consumed) {
        Instant at = c.confirmedAt();
        Map<String, Object> claims = new TreeMap<>();
        c.claims().forEach(claim -> claims.put(claim.policyNo(), claim.claimId()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("payout_total", c.payoutTotal().toString());
        details.put("claims", claims);
        List<Future<?>> consuming = new ArrayList<>();
        consumed.after().forEach(p -> consuming.add(tx.preAuthorizations().update(p)));
        consuming.add(tx.preAuthorizations().recordUses(consumed.uses(), at));
        return Future.all(List.of(
                        Future.all(consuming),
                        tx.outbox().emit(c.events(), at),
                        tx.claims().insert(c.claims()),
                        tx.accumulators()
                                .add(
                                        c.setlId(),
                                        ClaimChannel.DIRECT_SETTLEMENT,
                                        c.adjudication().policies()),
                        tx.directSettlements().recordConfirmation(c, requestHash, response),
                        tx.audit()
                                .append(
                                        "HOSPITAL:" + c.fixmedinsCode(),
                                        "DIRECT_SETTLEMENT_CONFIRMED",
                                        c.setlId(),
                                        details,
                                        at)))
                .map(response);
    }

    private static String replay(DirectSettlementRecord existing, String requestHash) {
        if (!existing.requestHash().equals(requestHash)) {
            throw new Failure.Conflict(
                    "IDEMPOTENCY_CONFLICT",
                    "setl_id " + existing.setlId() + " was already confirmed with a different body");
        }
        if (existing.reversed()) {
            throw new Failure.Conflict(
                    "SETTLEMENT_REVERSED",
                    "setl_id " + existing.setlId() + " was reversed at " + existing.reversedAt()
                            + "; settle again under a new setl_id");
        }
        return existing.confirmResponse();
    }
}
