package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.PreAuthStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PreAuthPurchases;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * {@code POST /v1/direct-settlements/preview}: what each of the patient's policies would pay for this settlement,
 * changing nothing. Only the hospital or pharmacy that settled ({@code fixmedins_code}) may ask. Lines bought under
 * a pre-authorization are checked against it as the confirm would ({@link PreAuthPurchases}), nothing consumed.
 */
public final class PreviewDirectSettlementUseCase {
    private final SettlementChecks checks;
    private final PatientCases cases;
    private final PreAuthStore preAuthorizations;
    private final AccessLog access;
    private final Clock clock;

    public PreviewDirectSettlementUseCase(
            SettlementChecks checks,
            PatientCases cases,
            PreAuthStore preAuthorizations,
            AccessLog access,
            Clock clock) {
        this.checks = checks;
        this.cases = cases;
        this.preAuthorizations = preAuthorizations;
        this.access = access;
        this.clock = clock;
    }

    public Future<Adjudication> execute(Principal hospital, Settlement settlement) {
        checks.consistent(settlement);
        SettlementChecks.ownedBy(hospital, settlement);
        return cases.load(settlement.setlinfo(), Purpose.DIRECT_SETTLEMENT)
                .compose(loaded -> access.record(
                                loaded.personKey(),
                                hospital,
                                "DIRECT_SETTLEMENT_PREVIEW",
                                Purpose.DIRECT_SETTLEMENT.name(),
                                settlement.setlinfo().setlId(),
                                clock.instant())
                        // a purchase under a pre-authorization is refused here as its confirm would be
                        .compose(v -> preAuthorizations.byApprovalNos(PreAuthPurchases.numbers(settlement)))
                        .map(auths -> {
                            PreAuthPurchases.consume(settlement, loaded.personKey(), auths);
                            return loaded.engine().adjudicate(settlement, loaded.cases());
                        }));
    }
}
