package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.Confirmation;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.claim.PayeeSplit;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code PUT /v1/direct-settlements/{setl_id}}: confirm a direct settlement exactly once. The first request records
 * the settlement, one claim per paying policy, the accumulator deltas and its response in one transaction; the same
 * request again gets that stored response back, untouched; a different body under the same id is a conflict.
 */
public final class ConfirmDirectSettlementUseCase {
    /** Denial of a policy that already has a live claim for this settlement through another channel. */
    public static final String ALREADY_CLAIMED = "ALREADY_CLAIMED";

    private final SettlementChecks checks;
    private final PatientCases cases;
    private final DirectSettlementStore store;
    private final AccessLog access;
    private final Clock clock;

    public ConfirmDirectSettlementUseCase(
            SettlementChecks checks, PatientCases cases, DirectSettlementStore store, AccessLog access, Clock clock) {
        this.checks = checks;
        this.cases = cases;
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    /** The response to send: the stored confirmation, as first sent. */
    public Future<String> execute(Principal hospital, String setlId, StoredSettlement settlement, String requestHash) {
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
                        : confirm(hospital, settlement, requestHash));
    }

    private Future<String> confirm(Principal hospital, StoredSettlement settlement, String requestHash) {
        return cases.load(settlement.settlement().setlinfo(), Purpose.DIRECT_SETTLEMENT)
                .compose(loaded -> access.record(
                                loaded.personKey(),
                                hospital,
                                "DIRECT_SETTLEMENT_CONFIRM",
                                Purpose.DIRECT_SETTLEMENT.name(),
                                settlement.settlement().setlinfo().setlId(),
                                clock.instant())
                        .map(loaded))
                .compose(loaded -> {
                    List<String> policyNos = loaded.cases().stream()
                            .map(c -> c.policy().policyNo())
                            .sorted()
                            .toList();
                    BenefitEngine engine = loaded.engine();
                    return store.confirm(
                                    settlement,
                                    requestHash,
                                    policyNos,
                                    clock.instant(),
                                    (accumulators, claimed) ->
                                            decide(engine, settlement, loaded, accumulators, claimed))
                            .map(outcome ->
                                    outcome.created() ? outcome.response() : replay(outcome.existing(), requestHash));
                });
    }

    private static Confirmation decide(
            BenefitEngine engine,
            StoredSettlement settlement,
            PatientCases.Cases loaded,
            Map<String, Accumulators> accumulators,
            Set<String> claimed) {
        List<PolicyCase> fresh = new ArrayList<>();
        for (PolicyCase c : loaded.cases()) {
            String denial = c.denialReason() != null
                    ? c.denialReason()
                    : claimed.contains(c.policy().policyNo()) ? ALREADY_CLAIMED : null;
            fresh.add(new PolicyCase(
                    c.policy(),
                    c.plan(),
                    accumulators.getOrDefault(c.policy().policyNo(), Accumulators.EMPTY),
                    denial));
        }
        Adjudication a = engine.adjudicate(settlement.settlement(), fresh);
        Map<String, String> claimIds = new HashMap<>();
        for (PolicyResult p : a.policies()) {
            if (p.pays()) {
                claimIds.put(p.policyNo(), "CLM-" + UUID.randomUUID());
            }
        }
        Map<String, Integer> versions = new HashMap<>();
        for (PolicyCase c : fresh) {
            versions.put(
                    c.policy().policyNo(),
                    loaded.catalog().planVersions().getOrDefault(c.plan().planId(), 1));
        }
        return new Confirmation(a, claimIds, PayeeSplit.of(a), versions);
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
