package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** {@code PUT /v1/webhook}: where the insurer's events go and how they are signed ({@code ES256} or {@code SM2SM3}). */
public final class RegisterWebhookUseCase {
    private final WebhookStore store;
    private final Clock clock;
    private final boolean sm2Available;

    public RegisterWebhookUseCase(WebhookStore store, Clock clock, boolean sm2Available) {
        this.store = store;
        this.clock = clock;
        this.sm2Available = sm2Available;
    }

    public Future<Void> execute(Principal insurer, String url, String signatureAlg) {
        if ("SM2SM3".equals(signatureAlg) && !sm2Available) {
            throw InvalidDocumentException.inconsistent(List.of(new Violation(
                    "signature_alg",
                    "ALG_NOT_AVAILABLE",
                    "this gateway has no SM2 signing key configured (signing.sm2_key_file); use ES256")));
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw InvalidDocumentException.inconsistent(
                    List.of(new Violation("url", "INVALID_URL", "url must be an absolute http(s) URL")));
        }
        return store.setUrl(insurer.tenant(), url, signatureAlg, clock.instant());
    }
}
