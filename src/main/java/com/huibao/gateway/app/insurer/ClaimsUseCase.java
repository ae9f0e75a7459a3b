package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.claim.ClaimState;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * {@code GET /v1/claims}, {@code GET /v1/claims/{claim_id}} and {@code POST /v1/claims/{claim_id}/payment}: an
 * insurer's own claims, and the APPROVED → PAID transition (the state machine is {@link ClaimState}). Paying a paid
 * claim again with the same reference is a replay; any other transition is 409 ILLEGAL_TRANSITION.
 */
public final class ClaimsUseCase {
  public static final int MAX_PAGE = 500;

  private final ClaimStore store;
  private final com.huibao.gateway.app.port.ConsentStore consents;
  private final com.huibao.gateway.domain.consent.ConsentRules rules;
  private final com.huibao.gateway.app.port.AccessLog access;
  private final java.time.Clock clock;

  public ClaimsUseCase(ClaimStore store, com.huibao.gateway.app.port.ConsentStore consents,
      com.huibao.gateway.domain.consent.ConsentRules rules, com.huibao.gateway.app.port.AccessLog access,
      java.time.Clock clock) {
    this.store = store;
    this.consents = consents;
    this.rules = rules;
    this.access = access;
    this.clock = clock;
  }

  public Future<ClaimStore.Page> list(Principal insurer, ClaimStore.Filter filter, String cursor, int limit) {
    return store.list(insurer.tenant(), filter, cursor, Math.min(Math.max(limit, 1), MAX_PAGE));
  }

  /**
   * One claim, read only while the patient's consent for the claim's purpose holds (a revocation bites at once);
   * the read is recorded in the patient's access log.
   */
  public Future<ClaimStore.Claim> get(Principal insurer, String claimId) {
    return find(insurer, claimId).compose(c -> {
      com.huibao.gateway.domain.consent.Purpose purpose = com.huibao.gateway.domain.consent.Purpose.valueOf(
          c.channel());
      return consents.forPerson(c.personKey()).compose(list -> {
        String denial = rules.denial(list, insurer.tenant(), purpose, c.setlTime(), clock.instant());
        if (denial != null) {
          throw new Failure.Forbidden(denial, "the patient's authorization for " + purpose + " does not hold ("
              + denial + ")");
        }
        return access.record(c.personKey(), insurer, "CLAIM_READ", purpose.name(), claimId, clock.instant()).map(c);
      });
    });
  }

  private Future<ClaimStore.Claim> find(Principal insurer, String claimId) {
    return store.get(insurer.tenant(), claimId).map(c -> c.orElseThrow(() -> notFound(claimId)));
  }

  public Future<ClaimStore.Claim> pay(Principal insurer, String claimId, String paymentRef, Instant paidAt) {
    return find(insurer, claimId).compose(c -> {
      ClaimState state = ClaimState.valueOf(c.state());
      if (state == ClaimState.PAID && paymentRef.equals(c.paymentRef())) {
        return Future.succeededFuture(c);
      }
      if (!state.canMoveTo(ClaimState.PAID)) {
        throw illegal(c);
      }
      return store.markPaid(insurer.tenant(), claimId, paymentRef, paidAt).map(after -> {
        if (!"PAID".equals(after.state()) || !paymentRef.equals(after.paymentRef())) {
          throw illegal(after);
        }
        return after;
      });
    });
  }

  private static Failure.Conflict illegal(ClaimStore.Claim c) {
    return new Failure.Conflict("ILLEGAL_TRANSITION", "claim " + c.claimId() + " is " + c.state()
        + (c.paymentRef() != null ? " (payment " + c.paymentRef() + ")" : "") + "; only an APPROVED claim can be paid");
  }

  static Failure.NotFound notFound(String claimId) {
    return new Failure.NotFound("CLAIM_NOT_FOUND", "no claim " + claimId + " of this insurer");
  }
}
