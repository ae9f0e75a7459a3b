package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.consent.Consent;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a patient sees and changes of their own: policies and consents, by person key. */
public interface PatientStore {
    Future<List<InsurerCatalogStore.StoredPolicy>> policies(String personKey);

    /** Stores a new consent (and its audit record) in one transaction. */
    Future<Consent> grant(String personKey, Consent consent);

    /** Revokes the person's consent now (idempotent: a revoked one keeps its first revocation time). */
    Future<Optional<Consent>> revoke(String personKey, UUID id, Instant now);
}
