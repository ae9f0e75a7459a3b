package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PolicyClaimCreation;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/settlements}: the data feed pushes a settlement so that quick and proactive claims can use it.
 * Idempotent on {@code setl_id}: the same settlement again is a replay, a different one a conflict. Then 主动赔: for
 * every policy whose insurer the patient authorized for {@code PROACTIVE_CLAIM}, the claim is computed and recorded
 * with its events (settlement.available, claim.created) for the insurer's webhook. That step runs on replays too,
 * and is idempotent per (setl_id, policy_no), so a retried intake completes whatever a failure left undone.
 */
public final class IngestSettlementUseCase {
    private final SettlementChecks checks;
    private final SettlementStore store;
    private final PatientCases cases;
    private final PolicyClaimCreation creation;
    private final Clock clock;
    private final ZoneId zone;

    public IngestSettlementUseCase(
            SettlementChecks checks,
            SettlementStore store,
            PatientCases cases,
            PolicyClaimCreation creation,
            Clock clock,
            ZoneId zone) {
        this.checks = checks;
        this.store = store;
        this.cases = cases;
        this.creation = creation;
        this.clock = clock;
        this.zone = zone;
    }

    public Future<SettlementStore.Intake> execute(StoredSettlement settlement) {
        checks.consistent(settlement.settlement());
        SettlementChecks.settled(settlement.settlement());
        return store.ingest(settlement)
                .compose(intake -> proactive(settlement.settlement()).map(intake));
    }

    private Future<Void> proactive(Settlement s) {
        return cases.loadToDecideUnderLock(s.setlinfo(), Purpose.PROACTIVE_CLAIM)
                .compose(loaded -> {
                    BenefitEngine engine = loaded.engine();
                    LocalDate today = LocalDate.now(clock.withZone(zone));
                    List<Future<?>> created = new ArrayList<>();
                    for (PolicyCase c : loaded.cases()) {
                        if (c.denialReason() != null || !c.policy().inForce(s.setlDate())) {
                            continue;
                        }
                        String policyNo = c.policy().policyNo();
                        int planVersion = loaded.catalog()
                                .planVersions()
                                .getOrDefault(c.plan().planId(), 1);
                        created.add(creation.create(
                                ClaimChannel.PROACTIVE_CLAIM,
                                s.setlinfo().setlId(),
                                policyNo,
                                planVersion,
                                clock.instant(),
                                PolicyClaimCreation.Decide.alone(engine, s, c, today, Map.of())));
                    }
                    return Future.all(created).mapEmpty();
                });
    }
}
