package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.app.port.RefundLedger;
import com.huibao.gateway.app.port.SettlementParser;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.claim.SettledClaim;
import com.huibao.gateway.domain.settlement.SetlInfo;
import io.vertx.core.Future;
import java.util.List;

/**
 * {@code GET /v1/direct-settlements/{setl_id}/slip}: what the hospital's settlement slip (直赔结算单) shows: the
 * settlement as confirmed (its header), each policy's claim by insurer name, and the confirmation as stored (whose
 * digest and signature the slip carries). Another hospital's or an unknown settlement: 404.
 */
public final class GetSlipUseCase {
    private final Transactions transactions;
    private final SettlementParser parser;
    private final Names names;

    public GetSlipUseCase(Transactions transactions, SettlementParser parser, Names names) {
        this.transactions = transactions;
        this.parser = parser;
        this.names = names;
    }

    /** One claim on the slip. */
    public record Line(SettledClaim claim, String insurerName) {}

    public record Slip(DirectSettlementRecord record, SetlInfo settlement, String institutionName, List<Line> claims) {}

    public Future<Slip> execute(Principal hospital, String setlId) {
        return transactions.inTransaction(tx -> tx.directSettlements()
                .ofHospital(setlId, hospital.tenant())
                .compose(found -> {
                    DirectSettlementRecord r = found.orElseThrow(() -> new Failure.NotFound(
                            "DIRECT_SETTLEMENT_NOT_FOUND",
                            "no confirmed direct settlement " + setlId + " of this hospital"));
                    Future<RefundLedger.Refundable> docs = tx.refunds().documents(setlId);
                    Future<List<SettledClaim>> claims = tx.claims().directSettlementClaims(setlId);
                    return Future.all(docs, claims).map(v -> {
                        SetlInfo header = parser.parse(
                                        docs.result().settlement().document(),
                                        docs.result().settlement().fixmedinsCode())
                                .setlinfo();
                        List<Line> lines = claims.result().stream()
                                .map(c -> new Line(c, names.insurer(c.insurerId())))
                                .toList();
                        return new Slip(r, header, names.institution(r.fixmedinsCode()), lines);
                    });
                }));
    }
}
