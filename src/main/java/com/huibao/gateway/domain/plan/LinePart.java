package com.huibao.gateway.domain.plan;

/** The part of a fee line's personal burden a responsibility covers (SPEC §3.1–3.2). */
public enum LinePart {
    /** {@code preselfpay_amt + share of in-scope self-pay}: class-B first self-pay, deductible, co-insurance. */
    IN_LIST,
    /** {@code fulamt_ownpay_amt + overlmt_amt}: out of catalogue and over the limit price. */
    OUT_OF_LIST,
    /** Both parts. */
    BURDEN;

    public boolean coversInList() {
        return this != OUT_OF_LIST;
    }

    public boolean coversOutOfList() {
        return this != IN_LIST;
    }
}
