package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;

/**
 * An amount of a line's burden a policy did not pay, and why: a stable reason code ({@link UnpaidReason} or a
 * policy-level denial such as {@code NO_AUTHORIZATION}), the responsibility involved, if any, for a sub-limit the
 * key of the limit that stopped it (e.g. {@code entry:HMB-SPECIALTY-DRUGS:XL01XEA147A001010181836}), and the fact
 * that decided a refusal (e.g. {@code med_chrgitm_type 01}, {@code fee_ocur_time 2026-07-31}).
 */
public record UnpaidPart(String reason, Money amount, String responsibility, String limit, String fact) {

    public UnpaidPart(String reason, Money amount, String responsibility) {
        this(reason, amount, responsibility, null, null);
    }

    public UnpaidPart(String reason, Money amount, String responsibility, String limit) {
        this(reason, amount, responsibility, limit, null);
    }
}
