package com.huibao.gateway.domain.settlement;

/**
 * Where a settlement came from, so that a clearing dispute can name the platform transaction: the national
 * transaction number ({@code infno}), the message id ({@code msgid}), the institution's settlement id
 * ({@code medins_setl_id}), the clearing agency ({@code clr_optins}) and the kind of message. Any may be null.
 */
public record Provenance(String infno, String msgid, String medinsSetlId, String clrOptins, MessageKind kind) {

    public static final Provenance FLAT = new Provenance(null, null, null, null, MessageKind.FLAT);

    public boolean isPreSettlement() {
        return kind == MessageKind.PRE_SETTLEMENT;
    }
}
