package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.IdSource;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.app.port.ReceiptSigner;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/me/consents}: the patient authorizes an insurer of one of their policies for some purposes, and
 * gets a receipt the insurer can verify offline.
 */
public final class GrantConsentUseCase {
    private final PatientStore store;
    private final ReceiptSigner receipts;
    private final IdSource ids;
    private final Clock clock;

    public GrantConsentUseCase(PatientStore store, ReceiptSigner receipts, IdSource ids, Clock clock) {
        this.store = store;
        this.receipts = receipts;
        this.ids = ids;
        this.clock = clock;
    }

    /** A granted consent and its signed receipt. */
    public record Granted(Consent consent, String receipt) {}

    public Future<Granted> execute(
            Principal patient, String insurerId, Set<Purpose> purposes, LocalDate coversFrom, Instant expiresAt) {
        Instant now = clock.instant();
        return store.policies(patient.tenant()).compose(policies -> {
            List<Violation> v = new ArrayList<>();
            if (policies.stream().noneMatch(p -> p.policy().insurerId().equals(insurerId))) {
                v.add(new Violation(
                        "insurer_id", "NO_POLICY_WITH_INSURER", "you hold no policy of insurer " + insurerId));
            }
            if (purposes.isEmpty()) {
                v.add(new Violation("purposes", "EMPTY", "grant at least one purpose"));
            }
            if (!expiresAt.isAfter(now)) {
                v.add(new Violation("expires_at", "IN_THE_PAST", "expires_at must be in the future"));
            }
            if (!v.isEmpty()) {
                throw InvalidDocumentException.inconsistent(v);
            }
            Consent c = new Consent(ids.uuid(), insurerId, purposes, coversFrom, expiresAt, now, null);
            return store.grant(patient.tenant(), c)
                    .map(stored -> new Granted(stored, receipts.receipt(stored, patient.tenant())));
        });
    }
}
