package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.claim.Confirmation;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Direct settlements (直赔) inside a transaction: the idempotency record of each confirm and its reversal. */
public interface DirectSettlementLedger {
    /** Makes other transactions on this {@code setl_id} wait until this one ends. */
    Future<Void> serialize(String setlId);

    Future<Optional<DirectSettlementRecord>> find(String setlId);

    /** The hospital's confirmed settlement as it stands, read without a lock (a slip); empty when it has none. */
    Future<Optional<DirectSettlementRecord>> ofHospital(String setlId, String fixmedinsCode);

    /** The hospital's confirmed settlement, locked against a concurrent reversal; empty when it has none. */
    Future<Optional<DirectSettlementRecord>> lockForReversal(String setlId, String fixmedinsCode);

    /** Records the confirmation with the request that made it and the response it answered. */
    Future<Void> recordConfirmation(Confirmation confirmation, String requestHash, String response);

    /**
     * The settlement's own amounts after a partial refund (the patient's share and cash); the confirmation keeps
     * what it confirmed, the refunds their totals.
     */
    Future<Void> recordRefund(String setlId, Settlement net, Adjudication adjudication);

    /** Marks the settlement REVERSED with the response the reversal answered. */
    Future<Void> recordReversal(String setlId, Instant at, String response);
}
