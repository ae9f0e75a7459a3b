package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;
import java.util.Set;

/**
 * A limit inside a responsibility on what it pays for some of its lines, shared by every line it names:
 * <ul>
 *   <li>{@link Per#GENERIC_NAME}: per chemical (generic) name across brands and forms, e.g. one drug ≤ 300,000 a
 *       year;</li>
 *   <li>{@link Per#RESPONSIBILITY}: all the lines it names together, e.g. surgical materials ≤ 200,000 per
 *       admission.</li>
 * </ul>
 *
 * @param period           {@link Period#YEAR} (the policy year) or {@link Period#ADMISSION} ({@code mdtrt_id})
 * @param cap              the most paid in the period; null = no amount limit
 * @param count            the most lines paid in the period; null = any number
 * @param chargeCategories the lines it names, by charge category; null = any
 * @param itemKinds        the lines it names, by kind; null = any
 */
public record SubLimit(
        String id,
        Per per,
        Period period,
        Money cap,
        Integer count,
        Set<String> chargeCategories,
        Set<ItemKind> itemKinds) {

    /** What the limit is kept per. */
    public enum Per {
        GENERIC_NAME,
        RESPONSIBILITY
    }

    /** How long the limit runs. */
    public enum Period {
        YEAR,
        ADMISSION
    }

    public SubLimit {
        chargeCategories = chargeCategories == null ? null : Set.copyOf(chargeCategories);
        itemKinds = itemKinds == null ? null : Set.copyOf(itemKinds);
    }

    /** Whether a line of that category and kind falls under this limit. */
    public boolean names(String chargeCategory, ItemKind kind) {
        return (chargeCategories == null || chargeCategories.contains(chargeCategory))
                && (itemKinds == null || itemKinds.contains(kind));
    }
}
