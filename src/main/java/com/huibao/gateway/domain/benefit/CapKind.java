package com.huibao.gateway.domain.benefit;

import java.util.Locale;

/** What cut a responsibility's payable below what its ratio gave (the result's {@code capped_by}). */
public enum CapKind {
    ANNUAL_CAP(UnpaidReason.ANNUAL_CAP),
    ADMISSION_CAP(UnpaidReason.ADMISSION_CAP),
    OVERALL_CAP(UnpaidReason.OVERALL_CAP),
    /** 补偿原则: what compensation from elsewhere left of the costs was less than the benefit's own amount. */
    COMPENSATION(null);

    private final UnpaidReason reason;

    CapKind(UnpaidReason reason) {
        this.reason = reason;
    }

    /** The reason recorded for what this cap left unpaid (none for compensation: that part was paid elsewhere). */
    UnpaidReason reason() {
        return reason;
    }

    /** As the result spells it: {@code annual_cap}, {@code admission_cap}, {@code overall_cap}, {@code compensation}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
