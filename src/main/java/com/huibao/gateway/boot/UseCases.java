package com.huibao.gateway.boot;

import com.huibao.gateway.app.eligibility.CheckEligibilityUseCase;
import com.huibao.gateway.app.insurer.EnrollPoliciesUseCase;
import com.huibao.gateway.app.insurer.GetClaimUseCase;
import com.huibao.gateway.app.insurer.GetListVersionUseCase;
import com.huibao.gateway.app.insurer.GetPlanUseCase;
import com.huibao.gateway.app.insurer.GetPolicyUseCase;
import com.huibao.gateway.app.insurer.ListClaimsUseCase;
import com.huibao.gateway.app.insurer.ListWebhookEventsUseCase;
import com.huibao.gateway.app.insurer.PayClaimUseCase;
import com.huibao.gateway.app.insurer.PublishListVersionUseCase;
import com.huibao.gateway.app.insurer.PublishPlanUseCase;
import com.huibao.gateway.app.insurer.QuickClaimUseCase;
import com.huibao.gateway.app.insurer.RegisterWebhookUseCase;
import com.huibao.gateway.app.insurer.ReplayWebhookEventUseCase;
import com.huibao.gateway.app.invoice.SubmitInvoiceClaimUseCase;
import com.huibao.gateway.app.patient.GetMyAccessLogUseCase;
import com.huibao.gateway.app.patient.GetMyClaimUseCase;
import com.huibao.gateway.app.patient.GrantConsentUseCase;
import com.huibao.gateway.app.patient.ListMyClaimsUseCase;
import com.huibao.gateway.app.patient.ListMyConsentsUseCase;
import com.huibao.gateway.app.patient.ListMyPoliciesUseCase;
import com.huibao.gateway.app.patient.RevokeConsentUseCase;
import com.huibao.gateway.app.payment.ListRemittancesUseCase;
import com.huibao.gateway.app.payment.PostPaymentBatchUseCase;
import com.huibao.gateway.app.port.IdSource;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.app.preauth.DecidePreAuthorizationUseCase;
import com.huibao.gateway.app.preauth.GetPreAuthorizationUseCase;
import com.huibao.gateway.app.preauth.ListMyPreAuthorizationsUseCase;
import com.huibao.gateway.app.preauth.ListPreAuthorizationsUseCase;
import com.huibao.gateway.app.preauth.RequestPreAuthorizationUseCase;
import com.huibao.gateway.app.preauth.WithdrawPreAuthorizationUseCase;
import com.huibao.gateway.app.reconciliation.ExportPeriodUseCase;
import com.huibao.gateway.app.reconciliation.ReconcileDetailsUseCase;
import com.huibao.gateway.app.reconciliation.ReconcileTotalsUseCase;
import com.huibao.gateway.app.settlement.ConfirmDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.GetDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.GetSlipUseCase;
import com.huibao.gateway.app.settlement.IngestSettlementUseCase;
import com.huibao.gateway.app.settlement.PreviewDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.ReconciliationUseCase;
import com.huibao.gateway.app.settlement.RefundDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.ReverseDirectSettlementUseCase;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PolicyClaimCreation;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.codec.StoredClaimResults;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import java.time.Clock;
import java.time.ZoneId;

/** Every use case, built once from the stores, the reference data and the keys. */
record UseCases(
        Hospital hospital,
        Insurer insurer,
        Patient patient,
        IngestSettlementUseCase ingest,
        PreAuthorizations preAuthorizations,
        SubmitInvoiceClaimUseCase invoiceClaims,
        CheckEligibilityUseCase eligibility,
        Payments payments,
        Reconciliation reconciliation) {

    /** Reconciliation as hospitals push it, and the period's detail file. */
    record Reconciliation(ReconcileTotalsUseCase totals, ReconcileDetailsUseCase details, ExportPeriodUseCase export) {}

    /** Insurers' payment batches and the payees' remittances. */
    record Payments(PostPaymentBatchUseCase post, ListRemittancesUseCase remittances) {}

    /** Applications for specialty drugs (特药申请), by hospitals, pharmacies and patients, decided by insurers. */
    record PreAuthorizations(
            RequestPreAuthorizationUseCase request,
            DecidePreAuthorizationUseCase decide,
            WithdrawPreAuthorizationUseCase withdraw,
            GetPreAuthorizationUseCase get,
            ListPreAuthorizationsUseCase list,
            ListMyPreAuthorizationsUseCase mine) {}

    /** What hospitals do. */
    record Hospital(
            PreviewDirectSettlementUseCase preview,
            ConfirmDirectSettlementUseCase confirm,
            GetDirectSettlementUseCase get,
            ReverseDirectSettlementUseCase reverse,
            ReconciliationUseCase reconciliation,
            RefundDirectSettlementUseCase refund,
            GetSlipUseCase slip) {}

    /** What insurers do. */
    record Insurer(
            PublishPlanUseCase publishPlan,
            GetPlanUseCase getPlan,
            PublishListVersionUseCase publishList,
            GetListVersionUseCase getList,
            EnrollPoliciesUseCase enroll,
            GetPolicyUseCase getPolicy,
            ListClaimsUseCase listClaims,
            GetClaimUseCase getClaim,
            PayClaimUseCase payClaim,
            QuickClaimUseCase quickClaim,
            RegisterWebhookUseCase registerWebhook,
            ListWebhookEventsUseCase listEvents,
            ReplayWebhookEventUseCase replayEvent) {}

    /** What patients do. */
    record Patient(
            ListMyPoliciesUseCase policies,
            ListMyConsentsUseCase consents,
            GrantConsentUseCase grant,
            RevokeConsentUseCase revoke,
            ListMyClaimsUseCase claims,
            GetMyClaimUseCase claim,
            GetMyAccessLogUseCase accessLog) {}

    static UseCases of(
            Stores s, Reference reference, Keys.Signing signing, PiiProtector pii, Clock clock, ZoneId zone) {
        IdSource ids = IdSource.random();
        Names names = new RegistryNames(reference.institutions(), reference.clients());
        ConsentRules rules = new ConsentRules(zone);
        PatientCases cases = new PatientCases(
                pii, s.policies(), s.catalog(), s.accumulators(), s.consents(), rules, reference.institutions(), clock);
        PolicyClaimCreation creation = new PolicyClaimCreation(s.transactions(), s.claims(), ids);
        SettlementChecks checks = new SettlementChecks(
                new SettlementValidator(reference.reader().dialects().validationProfiles()));
        Hospital hospital = new Hospital(
                new PreviewDirectSettlementUseCase(checks, cases, s.preAuthorizations(), s.accessLog(), clock),
                new ConfirmDirectSettlementUseCase(
                        checks, cases, s.directSettlements(), s.transactions(), s.accessLog(), ids, clock),
                new GetDirectSettlementUseCase(s.directSettlements(), s.accessLog(), clock),
                new ReverseDirectSettlementUseCase(s.transactions(), clock),
                new ReconciliationUseCase(s.directSettlements()),
                new RefundDirectSettlementUseCase(checks, cases, reference.reader(), s.transactions(), ids, clock),
                new GetSlipUseCase(s.transactions(), reference.reader(), names));
        Insurer insurer = new Insurer(
                new PublishPlanUseCase(s.insurerCatalog(), s.catalog()),
                new GetPlanUseCase(s.insurerCatalog()),
                new PublishListVersionUseCase(s.insurerCatalog()),
                new GetListVersionUseCase(s.insurerCatalog()),
                new EnrollPoliciesUseCase(s.insurerCatalog(), s.catalog()),
                new GetPolicyUseCase(s.insurerCatalog(), s.accumulators(), s.accessLog(), clock),
                new ListClaimsUseCase(s.claims()),
                new GetClaimUseCase(s.claims(), s.consents(), rules, s.accessLog(), clock),
                new PayClaimUseCase(s.claims()),
                new QuickClaimUseCase(
                        s.insurerCatalog(),
                        s.claims(),
                        creation,
                        cases,
                        s.accessLog(),
                        reference.reader(),
                        clock,
                        zone),
                new RegisterWebhookUseCase(
                        s.webhooks(), clock, signing.webhooks().signsSm2()),
                new ListWebhookEventsUseCase(s.webhooks()),
                new ReplayWebhookEventUseCase(s.webhooks()));
        Patient patient = new Patient(
                new ListMyPoliciesUseCase(s.patients(), s.catalog(), s.accumulators(), names),
                new ListMyConsentsUseCase(s.consents()),
                new GrantConsentUseCase(s.patients(), signing.receipts(), ids, clock),
                new RevokeConsentUseCase(s.patients(), clock),
                new ListMyClaimsUseCase(s.claims(), names),
                new GetMyClaimUseCase(s.claims(), s.catalog(), reference.reader(), names, new StoredClaimResults()),
                new GetMyAccessLogUseCase(s.accessLog(), names));
        IngestSettlementUseCase ingest =
                new IngestSettlementUseCase(checks, s.settlements(), cases, creation, clock, zone);
        PreAuthorizations preAuthorizations = new PreAuthorizations(
                new RequestPreAuthorizationUseCase(s.patients(), pii, s.catalog(), s.transactions(), ids, clock, zone),
                new DecidePreAuthorizationUseCase(s.transactions(), s.consents(), rules, clock, zone),
                new WithdrawPreAuthorizationUseCase(s.transactions(), clock, zone),
                new GetPreAuthorizationUseCase(s.preAuthorizations(), s.consents(), rules, s.accessLog(), clock, zone),
                new ListPreAuthorizationsUseCase(s.preAuthorizations(), s.consents(), rules, clock, zone),
                new ListMyPreAuthorizationsUseCase(s.preAuthorizations()));
        SubmitInvoiceClaimUseCase invoiceClaims = new SubmitInvoiceClaimUseCase(
                checks, s.patients(), pii, cases, s.settlements(), s.claims(), creation, clock, zone);
        CheckEligibilityUseCase eligibility = new CheckEligibilityUseCase(
                pii, s.policies(), s.catalog(), s.accumulators(), s.consents(), rules, s.accessLog(), clock, zone);
        Payments payments = new Payments(
                new PostPaymentBatchUseCase(s.transactions(), clock), new ListRemittancesUseCase(s.remittances()));
        Reconciliation reconciliation = new Reconciliation(
                new ReconcileTotalsUseCase(s.periods()),
                new ReconcileDetailsUseCase(s.periods()),
                new ExportPeriodUseCase(s.periods()));
        return new UseCases(
                hospital,
                insurer,
                patient,
                ingest,
                preAuthorizations,
                invoiceClaims,
                eligibility,
                payments,
                reconciliation);
    }
}
