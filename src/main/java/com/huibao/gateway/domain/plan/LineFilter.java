package com.huibao.gateway.domain.plan;

import java.util.Set;

/**
 * Which lines of a settlement a responsibility looks at, beyond its list: charge categories
 * ({@code med_chrgitm_type}), kinds of item, channels, and a days'-supply limit for drug lines. Null = any.
 *
 * @param chargeCategories {@code med_chrgitm_type} codes, e.g. 03 检查, 04 化验, 05 治疗, 08 材料, 09–11 药品
 * @param maxDaysSupply    the part of a drug line beyond this many days' supply ({@code prd_days}) is not eligible
 */
public record LineFilter(
        Set<String> chargeCategories, Set<ItemKind> itemKinds, Set<Channel> channels, Integer maxDaysSupply) {

    public static final LineFilter NONE = new LineFilter(null, null, null, null);

    public LineFilter {
        chargeCategories = chargeCategories == null ? null : Set.copyOf(chargeCategories);
        itemKinds = itemKinds == null ? null : Set.copyOf(itemKinds);
        channels = channels == null ? null : Set.copyOf(channels);
    }

    public boolean filtersLines() {
        return chargeCategories != null || itemKinds != null;
    }
}
