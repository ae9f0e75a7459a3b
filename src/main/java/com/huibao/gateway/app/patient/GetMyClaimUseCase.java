package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.ClaimResults;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.app.port.PlanVersion;
import com.huibao.gateway.app.port.SettlementParser;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.claim.ExplanationOfBenefits;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.settlement.SetlInfo;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/me/claims/{claim_id}}: the patient's explanation of benefits for the settlement of one of their
 * claims: the bill (net of any partial refund since, as the claims' amounts are), what basic insurance paid, the
 * patient's share, what each of their policies paid on it (in the order they pay, with the benefits' names, both as
 * the plan stood in the version the claim was adjudicated under), and what is left to them. Another person's claim
 * is not found.
 */
public final class GetMyClaimUseCase {
    private final ClaimStore claims;
    private final CatalogStore catalog;
    private final SettlementParser parser;
    private final Names names;
    private final ClaimResults results;

    public GetMyClaimUseCase(
            ClaimStore claims, CatalogStore catalog, SettlementParser parser, Names names, ClaimResults results) {
        this.claims = claims;
        this.catalog = catalog;
        this.parser = parser;
        this.names = names;
        this.results = results;
    }

    /** One policy's claim on the settlement, with its stored result and the names the patient reads. */
    public record Part(
            ClaimStore.Claim claim,
            String insurerName,
            String planName,
            int cobPriority,
            Map<String, String> benefitNames) {}

    /**
     * The settlement as the patient sees it: its header, where it was, every claim of theirs on it (in the order they
     * pay) and what they add up to.
     */
    public record Explanation(
            String claimId,
            SetlInfo settlement,
            String institutionName,
            List<Part> parts,
            ExplanationOfBenefits benefits) {}

    public Future<Explanation> execute(Principal patient, String claimId) {
        return claims.forPerson(patient.tenant()).compose(mine -> {
            ClaimStore.PatientClaim asked = mine.stream()
                    .filter(c -> c.claimId().equals(claimId))
                    .findFirst()
                    .orElseThrow(() -> new Failure.NotFound("CLAIM_NOT_FOUND", "no claim " + claimId + " of yours"));
            List<ClaimStore.PatientClaim> same = mine.stream()
                    .filter(c -> c.setlId().equals(asked.setlId()))
                    .filter(c -> c.claimId().equals(claimId) || !"REVERSED".equals(c.state()))
                    .toList();
            List<Future<ClaimStore.Claim>> full = new ArrayList<>();
            same.forEach(c -> full.add(claims.get(c.insurerId(), c.claimId())
                    .map(found -> found.orElseThrow(() -> new Failure.NotFound("CLAIM_NOT_FOUND", c.claimId())))));
            Future<Map<PlanVersion, Plan>> plans = Future.all(full).compose(v -> {
                Set<PlanVersion> versions = new HashSet<>();
                full.forEach(f -> versions.add(
                        new PlanVersion(f.result().planId(), f.result().planVersion())));
                return catalog.plansAt(versions);
            });
            var document = claims.quickClaimContext(asked.setlId(), asked.policyNo());
            return Future.all(plans, document).map(v -> {
                SetlInfo header = document.result()
                        .map(d -> d.asItStands(parser).setlinfo())
                        .orElseThrow(() -> new Failure.NotFound("CLAIM_NOT_FOUND", claimId));
                List<Part> parts = new ArrayList<>();
                for (Future<ClaimStore.Claim> f : full) {
                    ClaimStore.Claim c = f.result();
                    Plan plan = plans.result().get(new PlanVersion(c.planId(), c.planVersion()));
                    Map<String, String> benefits = new LinkedHashMap<>();
                    if (plan != null) {
                        for (Responsibility r : plan.responsibilities()) {
                            benefits.put(r.id(), r.name());
                        }
                    }
                    parts.add(new Part(
                            c,
                            names.insurer(c.insurerId()),
                            plan == null ? c.planId() : plan.name(),
                            plan == null ? Integer.MAX_VALUE : plan.cobPriority(),
                            benefits));
                }
                parts.sort(Comparator.comparingInt(Part::cobPriority));
                List<ExplanationOfBenefits.Share> shares = parts.stream()
                        .map(p -> {
                            boolean live = !"REVERSED".equals(p.claim().state());
                            return new ExplanationOfBenefits.Share(
                                    live,
                                    p.claim().payout(),
                                    live ? results.unpaidByReason(p.claim().result()) : Map.of());
                        })
                        .toList();
                return new Explanation(
                        claimId,
                        header,
                        names.institution(asked.fixmedinsCode()),
                        List.copyOf(parts),
                        ExplanationOfBenefits.of(header.psnPartAmt(), shares));
            });
        });
    }
}
