package com.huibao.gateway.domain.benefit;

/** Why a responsibility does not take a line part, and the fact that decided it (a category, a date, a code). */
record Refusal(UnpaidReason reason, String fact) {

    static Refusal of(UnpaidReason reason) {
        return new Refusal(reason, null);
    }

    static Refusal of(UnpaidReason reason, String fact) {
        return new Refusal(reason, fact);
    }
}
