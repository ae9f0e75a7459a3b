package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
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
import java.util.UUID;

/**
 * {@code /v1/me/policies} and {@code /v1/me/consents}: a patient sees their policies and grants, lists and revokes
 * authorizations per insurer and purpose. A grant is answered with a receipt the insurer can verify offline; a
 * revocation takes effect for every later request.
 */
public final class ConsentsUseCase {
  private final PatientStore store;
  private final ConsentStore consents;
  private final ReceiptSigner receipts;
  private final com.huibao.gateway.app.port.ClaimStore claims;
  private final com.huibao.gateway.app.port.AccessLog access;
  private final Clock clock;

  public ConsentsUseCase(PatientStore store, ConsentStore consents, ReceiptSigner receipts,
      com.huibao.gateway.app.port.ClaimStore claims, com.huibao.gateway.app.port.AccessLog access, Clock clock) {
    this.store = store;
    this.consents = consents;
    this.receipts = receipts;
    this.claims = claims;
    this.access = access;
    this.clock = clock;
  }

  /** The patient's claims with payout and what each settlement still leaves to them. */
  public Future<List<com.huibao.gateway.app.port.ClaimStore.PatientClaim>> claims(Principal patient) {
    return claims.forPerson(patient.tenant());
  }

  /** Who read the patient's data, newest first. */
  public Future<List<com.huibao.gateway.app.port.AccessLog.Entry>> accessLog(Principal patient) {
    return access.forPerson(patient.tenant(), 500);
  }

  public Future<List<InsurerCatalogStore.StoredPolicy>> policies(Principal patient) {
    return store.policies(patient.tenant());
  }

  public Future<List<Consent>> list(Principal patient) {
    return consents.forPerson(patient.tenant());
  }

  /** A granted consent and its signed receipt. */
  public record Granted(Consent consent, String receipt) {
  }

  public Future<Granted> grant(Principal patient, String insurerId, Set<Purpose> purposes, LocalDate coversFrom,
      Instant expiresAt) {
    Instant now = clock.instant();
    return store.policies(patient.tenant()).compose(policies -> {
      List<Violation> v = new ArrayList<>();
      if (policies.stream().noneMatch(p -> p.policy().insurerId().equals(insurerId))) {
        v.add(new Violation("insurer_id", "NO_POLICY_WITH_INSURER", "you hold no policy of insurer " + insurerId));
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
      Consent c = new Consent(UUID.randomUUID(), insurerId, purposes, coversFrom, expiresAt, now, null);
      return store.grant(patient.tenant(), c).map(stored -> new Granted(stored, receipts.receipt(stored,
          patient.tenant())));
    });
  }

  public Future<Consent> revoke(Principal patient, UUID id) {
    return store.revoke(patient.tenant(), id, clock.instant())
        .map(c -> c.orElseThrow(() -> new Failure.NotFound("CONSENT_NOT_FOUND", "no consent " + id + " of yours")));
  }
}
