package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.plan.ItemKind;
import com.huibao.gateway.domain.plan.LineFilter;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.policy.Policy;
import java.time.LocalDate;

/**
 * Whether a responsibility looks at one line: its charge category and kind, and for a responsibility that covers
 * admissions past the term's end, whether the cost arose within the days covered. The refusal, or null.
 */
final class LineFilters {
    private LineFilters() {}

    /** Whether {@link #refusal} can refuse anything for this responsibility (most have no line filter). */
    static boolean filters(Responsibility r) {
        return r.filter().filtersLines() || r.conditions().admissionExtensionDays() != null;
    }

    static Refusal refusal(Responsibility r, SettlementView v, int i, Policy policy) {
        LineFilter f = r.filter();
        if (f.chargeCategories() != null) {
            String category = v.lines.get(i).medChrgitmType();
            if (!f.chargeCategories().contains(category)) {
                return Refusal.of(UnpaidReason.CHARGE_CATEGORY_NOT_COVERED, "med_chrgitm_type " + category);
            }
        }
        if (f.itemKinds() != null) {
            ItemKind kind = v.kind(i);
            if (!f.itemKinds().contains(kind)) {
                return Refusal.of(UnpaidReason.ITEM_KIND_NOT_COVERED, "item " + kind);
            }
        }
        Integer extension = r.conditions().admissionExtensionDays();
        if (extension != null) {
            LocalDate day = v.lineDate(i);
            if (!day.isBefore(policy.effectiveTo().plusDays(extension))) {
                return Refusal.of(UnpaidReason.AFTER_TERM_EXTENSION, "fee_ocur_time " + day);
            }
        }
        return null;
    }
}
