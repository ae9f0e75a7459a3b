package com.huibao.gateway.app.invoice;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.app.port.PersonKeys;
import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PolicyClaimCreation;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.SetlInfo;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementBasis;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/invoice-claims} and {@code POST /v1/me/invoice-claims}: a claim on an invoice (costs no basic
 * insurance settled: overseas special drugs bought at a Boao institution, a stay of someone insured elsewhere), by
 * the insurer with the patient's quick-claim authorization, or by the patient. The invoice is kept as a settlement
 * of its own ({@code basis} INVOICE, source INVOICE); the policy's responsibilities that take invoices adjudicate it
 * at their invoice ratios; the claim (channel INVOICE_CLAIM, paid to the patient) enters the ordinary life cycle.
 * Once per (invoice, policy): the same invoice again answers the claim made.
 */
public final class SubmitInvoiceClaimUseCase {
    /** The claim, and whether it existed before this request. */
    public record Outcome(ClaimStore.Claim claim, boolean replay) {}

    private final SettlementChecks checks;
    private final PatientStore patients;
    private final PersonKeys keys;
    private final PatientCases cases;
    private final SettlementStore settlements;
    private final ClaimStore claims;
    private final PolicyClaimCreation creation;
    private final Clock clock;
    private final ZoneId zone;

    public SubmitInvoiceClaimUseCase(
            SettlementChecks checks,
            PatientStore patients,
            PersonKeys keys,
            PatientCases cases,
            SettlementStore settlements,
            ClaimStore claims,
            PolicyClaimCreation creation,
            Clock clock,
            ZoneId zone) {
        this.checks = checks;
        this.patients = patients;
        this.keys = keys;
        this.cases = cases;
        this.settlements = settlements;
        this.claims = claims;
        this.creation = creation;
        this.clock = clock;
        this.zone = zone;
    }

    public Future<Outcome> execute(Principal who, String policyNo, StoredSettlement invoice) {
        Settlement s = invoice.settlement();
        if (s.basis() != SettlementBasis.INVOICE) {
            throw InvalidDocumentException.inconsistent(List.of(new Violation(
                    "basis",
                    "NOT_AN_INVOICE",
                    "an invoice claim carries costs no basic insurance settled (basis INVOICE)")));
        }
        checks.consistent(s);
        SetlInfo h = s.setlinfo();
        String person = keys.personKey(h.psnCertType(), h.certno());
        if (who.role() == Role.PATIENT && !who.tenant().equals(person)) {
            throw InvalidDocumentException.inconsistent(
                    List.of(new Violation("receipt.certno", "NOT_YOURS", "the invoice names another person")));
        }
        return patients.policies(person)
                .map(held -> held.stream()
                        .map(InsurerCatalogStore.StoredPolicy::policy)
                        .filter(p -> p.policyNo().equals(policyNo)
                                && (who.role() != Role.INSURER || p.insurerId().equals(who.tenant())))
                        .findFirst()
                        .orElseThrow(() -> new Failure.NotFound(
                                "POLICY_NOT_FOUND",
                                "no policy " + policyNo
                                        + " of the person the invoice names"
                                        + (who.role() == Role.INSURER ? " with this insurer" : ""))))
                .compose(policy -> claims.bySettlementAndPolicy(h.setlId(), policyNo)
                        .compose(existing -> existing.isPresent()
                                ? Future.succeededFuture(new Outcome(existing.get(), true))
                                : claim(who, policyNo, invoice).map(c -> new Outcome(c, false))));
    }

    private Future<ClaimStore.Claim> claim(Principal who, String policyNo, StoredSettlement invoice) {
        Settlement s = invoice.settlement();
        return cases.loadToDecideUnderLock(s.setlinfo(), Purpose.QUICK_CLAIM).compose(loaded -> {
            PolicyCase c = loaded.cases().stream()
                    .filter(x -> x.policy().policyNo().equals(policyNo))
                    .findFirst()
                    .orElseThrow();
            if (who.role() == Role.INSURER && c.denialReason() != null) {
                throw new Failure.Forbidden(
                        c.denialReason(),
                        "the patient has not authorized this insurer for " + "claims on their documents (QUICK_CLAIM: "
                                + c.denialReason() + ")");
            }
            int planVersion = loaded.planVersions().getOrDefault(c.plan().planId(), 1);
            LocalDate today = LocalDate.now(clock.withZone(zone));
            return settlements
                    .ingest(invoice)
                    .compose(stored -> claims.quickClaimContext(s.setlinfo().setlId(), policyNo))
                    .compose(ctx -> {
                        Map<String, Money> paid = ctx.map(ClaimStore.QuickClaimContext::alreadyPaidPerLine)
                                .orElse(Map.of());
                        return creation.create(
                                ClaimChannel.INVOICE_CLAIM,
                                s.setlinfo().setlId(),
                                policyNo,
                                planVersion,
                                clock.instant(),
                                PolicyClaimCreation.Decide.alone(loaded.engine(), s, c, today, paid));
                    });
        });
    }
}
