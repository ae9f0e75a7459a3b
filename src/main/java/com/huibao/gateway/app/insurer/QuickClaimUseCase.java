package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.port.SettlementParser;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PolicyClaimCreation;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code POST /v1/quick-claims} (快赔): the insurer asks for the claim of a settlement the gateway holds, for one of
 * its policies, and may then pay the patient. Only when the patient authorized {@code QUICK_CLAIM} for this insurer
 * (403 with the denial's reason otherwise). Idempotent on (setl_id, policy_no): a claim already made for the pair,
 * through any channel (a direct settlement included), is returned and nothing is paid twice. What other policies'
 * claims already paid on the settlement is taken off each line first, so payouts never exceed the burden.
 */
public final class QuickClaimUseCase {
    private final InsurerCatalogStore policies;
    private final ClaimStore claims;
    private final PolicyClaimCreation creation;
    private final PatientCases cases;
    private final AccessLog access;
    private final SettlementParser parser;
    private final Clock clock;
    private final ZoneId zone;

    public QuickClaimUseCase(
            InsurerCatalogStore policies,
            ClaimStore claims,
            PolicyClaimCreation creation,
            PatientCases cases,
            AccessLog access,
            SettlementParser parser,
            Clock clock,
            ZoneId zone) {
        this.access = access;
        this.parser = parser;
        this.policies = policies;
        this.claims = claims;
        this.creation = creation;
        this.cases = cases;
        this.clock = clock;
        this.zone = zone;
    }

    /** The claim, and whether it existed before this request. */
    public record Outcome(ClaimStore.Claim claim, boolean replay) {}

    public Future<Outcome> execute(Principal insurer, String setlId, String policyNo) {
        return policies.policy(insurer.tenant(), policyNo)
                .map(p -> p.orElseThrow(
                        () -> new Failure.NotFound("POLICY_NOT_FOUND", "no policy " + policyNo + " of this insurer")))
                .compose(p -> claims.bySettlementAndPolicy(setlId, policyNo))
                .compose(existing -> existing.isPresent()
                        ? Future.succeededFuture(new Outcome(existing.get(), true))
                        : claim(insurer, setlId, policyNo).map(c -> new Outcome(c, false)));
    }

    private Future<ClaimStore.Claim> claim(Principal insurer, String setlId, String policyNo) {
        return claims.quickClaimContext(setlId, policyNo)
                .map(c -> c.orElseThrow(() -> new Failure.NotFound(
                        "SETTLEMENT_NOT_FOUND",
                        "the gateway holds no settlement " + setlId + " of this policy's insured")))
                .compose(ctx -> {
                    Settlement s = ctx.asItStands(parser);
                    return cases.loadToDecideUnderLock(s.setlinfo(), Purpose.QUICK_CLAIM)
                            .compose(loaded -> createClaim(insurer, setlId, policyNo, s, ctx, loaded));
                });
    }

    /** The claim decided and written under the policy's lock, once its case allows one; the read recorded first. */
    private Future<ClaimStore.Claim> createClaim(
            Principal insurer,
            String setlId,
            String policyNo,
            Settlement s,
            ClaimStore.QuickClaimContext ctx,
            PatientCases.Cases loaded) {
        PolicyCase policyCase = allowedCase(loaded, s, policyNo);
        BenefitEngine engine = loaded.engine();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int planVersion = loaded.planVersions().getOrDefault(policyCase.plan().planId(), 1);
        return access.record(
                        loaded.personKey(), insurer, "QUICK_CLAIM", Purpose.QUICK_CLAIM.name(), setlId, clock.instant())
                .compose(v -> creation.create(
                        ClaimChannel.QUICK_CLAIM,
                        setlId,
                        policyNo,
                        planVersion,
                        clock.instant(),
                        PolicyClaimCreation.Decide.alone(engine, s, policyCase, today, ctx.alreadyPaidPerLine())));
    }

    /** The policy's case, when the patient authorized its insurer and the policy was in force on the day. */
    private static PolicyCase allowedCase(PatientCases.Cases loaded, Settlement s, String policyNo) {
        PolicyCase policyCase = loaded.cases().stream()
                .filter(c -> c.policy().policyNo().equals(policyNo))
                .findFirst()
                .orElseThrow(
                        () -> new Failure.NotFound("POLICY_NOT_FOUND", "no policy " + policyNo + " of this insurer"));
        if (policyCase.denialReason() != null) {
            throw new Failure.Forbidden(
                    policyCase.denialReason(),
                    "the patient has not authorized this insurer for quick claims on this settlement ("
                            + policyCase.denialReason() + ")");
        }
        if (!policyCase.policy().inForce(s.setlDate())) {
            throw new Failure.Conflict(
                    "POLICY_NOT_IN_FORCE", "policy " + policyNo + " was not in force on " + s.setlDate());
        }
        return policyCase;
    }
}
