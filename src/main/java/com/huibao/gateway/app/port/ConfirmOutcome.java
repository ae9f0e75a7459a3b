package com.huibao.gateway.app.port;

/**
 * The result of a confirm transaction: either this request created the confirmation ({@code created} true, the
 * response it stored), or another request with the same {@code setl_id} got there first ({@code existing}).
 */
public record ConfirmOutcome(boolean created, String response, DirectSettlementRecord existing) {

    public static ConfirmOutcome created(String response) {
        return new ConfirmOutcome(true, response, null);
    }

    public static ConfirmOutcome lostTo(DirectSettlementRecord existing) {
        return new ConfirmOutcome(false, null, existing);
    }
}
