package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@code PUT /v1/webhook}, {@code GET /v1/webhook/events}, {@code POST /v1/webhook/events/{id}/replay}: where an
 * insurer's events go, what became of them, and a second chance for parked ones.
 */
public final class WebhooksUseCase {
  private final WebhookStore store;
  private final Clock clock;
  private final boolean sm2Available;

  public WebhooksUseCase(WebhookStore store, Clock clock, boolean sm2Available) {
    this.store = store;
    this.clock = clock;
    this.sm2Available = sm2Available;
  }

  /** Sets where the insurer's events go and how they are signed ({@code ES256} or {@code SM2SM3}). */
  public Future<Void> setUrl(Principal insurer, String url, String signatureAlg) {
    if ("SM2SM3".equals(signatureAlg) && !sm2Available) {
      throw InvalidDocumentException.inconsistent(List.of(new Violation("signature_alg", "ALG_NOT_AVAILABLE",
          "this gateway has no SM2 signing key configured (signing.sm2_key_file); use ES256")));
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw InvalidDocumentException.inconsistent(List.of(new Violation("url", "INVALID_URL",
          "url must be an absolute http(s) URL")));
    }
    return store.setUrl(insurer.tenant(), url, signatureAlg, clock.instant());
  }

  public Future<List<WebhookStore.Event>> events(Principal insurer, String state, int limit) {
    return store.events(insurer.tenant(), state, Math.min(Math.max(limit, 1), 500));
  }

  public Future<Void> replay(Principal insurer, UUID id) {
    return store.replay(insurer.tenant(), id).map(ok -> {
      if (!ok) {
        throw new Failure.NotFound("PARKED_EVENT_NOT_FOUND", "no parked event " + id + " of this insurer");
      }
      return null;
    });
  }
}
