package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.PreAuthLedger;
import com.huibao.gateway.app.port.Transaction;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.claim.DirectSettlementReversal;
import com.huibao.gateway.domain.claim.SettledClaim;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /v1/direct-settlements/{setl_id}/reversal} (冲正): in one transaction, the hospital's confirmed
 * settlement locked, its claims, recorded deltas and pre-authorization uses read (locked), the reversal decided
 * ({@link DirectSettlementReversal}), and what it changes written. Idempotent: a reversed one answers its stored
 * reversal. Unknown, or another hospital's: 404. A claim already paid: 409 CLAIM_ALREADY_PAID.
 */
public final class ReverseDirectSettlementUseCase {
    private static final ClaimChannel DIRECT = ClaimChannel.DIRECT_SETTLEMENT;

    private final Transactions transactions;
    private final Clock clock;

    public ReverseDirectSettlementUseCase(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param render writes the response of a new reversal (the http adapter's); it is stored with it */
    public Future<String> execute(
            Principal hospital, String setlId, Function<DirectSettlementReversal.Reversed, String> render) {
        return transactions.inTransaction(tx -> tx.directSettlements()
                .lockForReversal(setlId, hospital.tenant())
                .compose(found -> {
                    DirectSettlementRecord r = found.orElseThrow(() -> new Failure.NotFound(
                            "DIRECT_SETTLEMENT_NOT_FOUND",
                            "no confirmed direct settlement " + setlId + " of this hospital"));
                    return r.reversed() ? Future.succeededFuture(r.reversalResponse()) : reverse(tx, r, render);
                }));
    }

    private Future<String> reverse(
            Transaction tx, DirectSettlementRecord r, Function<DirectSettlementReversal.Reversed, String> render) {
        Future<List<SettledClaim>> claims = tx.claims().lockDirectSettlementClaims(r.setlId());
        Future<Map<String, Accumulators>> recorded = tx.accumulators().lockRecorded(r.setlId(), DIRECT);
        Future<List<PreAuthLedger.Use>> uses = tx.preAuthorizations().lockUses(r.setlId());
        return Future.all(claims, recorded, uses).compose(v -> {
            Instant now = clock.instant();
            DirectSettlementReversal.Outcome outcome = DirectSettlementReversal.decide(
                    r.setlId(), r.confirmedAt(), claims.result(), recorded.result(), now);
            if (outcome instanceof DirectSettlementReversal.Refused refused) {
                throw new Failure.Conflict(
                        refused.code(),
                        "claim " + refused.claimId() + " of this settlement was already paid by the insurer; the "
                                + "reversal must go through the insurer");
            }
            DirectSettlementReversal.Reversed reversed = (DirectSettlementReversal.Reversed) outcome;
            String response = render.apply(reversed);
            return Future.all(List.of(
                            tx.accumulators().subtractRecorded(r.setlId(), DIRECT),
                            tx.preAuthorizations().reverseUses(r.setlId()),
                            tx.claims().markReversed(reversed.claims(), now),
                            tx.outbox().emit(reversed.events(), now),
                            tx.directSettlements().recordReversal(r.setlId(), now, response),
                            tx.audit()
                                    .append(
                                            "HOSPITAL:" + r.fixmedinsCode(),
                                            "DIRECT_SETTLEMENT_REVERSED",
                                            r.setlId(),
                                            Map.of(
                                                    "claims_reversed",
                                                    reversed.claims().size()),
                                            now)))
                    .map(response);
        });
    }
}
