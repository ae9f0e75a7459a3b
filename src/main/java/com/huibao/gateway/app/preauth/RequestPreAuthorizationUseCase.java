package com.huibao.gateway.app.preauth;

import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.IdSource;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.app.port.PersonKeys;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.preauth.AutoApproval;
import com.huibao.gateway.domain.preauth.DrugRef;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/pre-authorizations} (特药申请): a hospital, a designated pharmacy or the patient applies for a
 * specialty drug under one of the patient's policies. The drug must be one the policy's plan pays only with
 * pre-approval. Approved at once when the plan's rules allow it ({@link AutoApproval}), otherwise queued for the
 * insurer's review; the insurer is told either way.
 */
public final class RequestPreAuthorizationUseCase {
    /** What is applied for; {@code psnCertType}/{@code certno} name the patient when a hospital or pharmacy applies. */
    public record Application(
            String policyNo,
            String psnCertType,
            String certno,
            DrugRef drug,
            BigDecimal quantity,
            int daysSupply,
            String diagnosis,
            String prescriber,
            List<String> documents) {}

    private final PatientStore patients;
    private final PersonKeys keys;
    private final CatalogStore catalog;
    private final Transactions transactions;
    private final IdSource ids;
    private final Clock clock;
    private final ZoneId zone;

    public RequestPreAuthorizationUseCase(
            PatientStore patients,
            PersonKeys keys,
            CatalogStore catalog,
            Transactions transactions,
            IdSource ids,
            Clock clock,
            ZoneId zone) {
        this.patients = patients;
        this.keys = keys;
        this.catalog = catalog;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.zone = zone;
    }

    public Future<PreAuthorization> execute(Principal requester, Application a) {
        String personKey;
        if (requester.role() == Role.PATIENT) {
            personKey = requester.tenant();
        } else {
            if (a.psnCertType() == null || a.certno() == null) {
                throw InvalidDocumentException.inconsistent(List.of(new Violation(
                        "certno",
                        "REQUIRED",
                        "psn_cert_type and certno name the patient when a hospital or pharmacy applies")));
            }
            personKey = keys.personKey(a.psnCertType(), a.certno());
        }
        return patients.policies(personKey)
                .compose(held -> catalog.current().compose(c -> {
                    InsurerCatalogStore.StoredPolicy stored = held.stream()
                            .filter(p -> p.policy().policyNo().equals(a.policyNo()))
                            .findFirst()
                            .orElseThrow(() -> InvalidDocumentException.inconsistent(List.of(new Violation(
                                    "policy_no", "POLICY_NOT_HELD", "the patient holds no policy " + a.policyNo()))));
                    Policy policy = stored.policy();
                    Plan plan = c.plans().get(policy.planId()).forEdition(policy.edition());
                    LocalDate today = LocalDate.now(clock.withZone(zone));
                    if (AutoApproval.listed(plan, c.lists(), a.drug(), today).isEmpty()) {
                        throw InvalidDocumentException.inconsistent(List.of(new Violation(
                                "drug",
                                "NOT_A_PRE_APPROVED_DRUG",
                                "plan " + plan.planId() + " pays this drug without pre-approval, or not at all")));
                    }
                    Instant now = clock.instant();
                    PreAuthorization p = PreAuthorization.requested(
                            ids.uuid(),
                            policy.insurerId(),
                            policy.policyNo(),
                            personKey,
                            a.drug(),
                            a.quantity(),
                            a.daysSupply(),
                            a.diagnosis(),
                            a.prescriber(),
                            a.documents(),
                            PreAuthAccess.requester(requester),
                            now);
                    List<PreAuthEvent> events = new ArrayList<>(List.of(new PreAuthEvent(p)));
                    if (AutoApproval.approvable(p, plan, c.lists(), today)) {
                        PreAuthDecisions.Done done = (PreAuthDecisions.Done) PreAuthDecisions.approve(
                                p,
                                p.approvalNumber(),
                                p.quantityRequested(),
                                today,
                                today.plusDays(plan.preAuthorization().validityDays() - 1L),
                                now);
                        p = done.after();
                        events.add(new PreAuthEvent(p));
                    }
                    PreAuthorization stored1 = p;
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("policy_no", p.policyNo());
                    details.put("state", p.state().name());
                    return transactions.inTransaction(tx -> Future.all(
                                    tx.preAuthorizations().insert(stored1),
                                    tx.outbox().emit(events, now),
                                    tx.audit()
                                            .append(
                                                    PreAuthAccess.requester(requester),
                                                    "PRE_AUTHORIZATION_REQUESTED",
                                                    stored1.id().toString(),
                                                    details,
                                                    now))
                            .map(stored1));
                }));
    }
}
