package com.huibao.gateway.domain.settlement;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A named set of sum identities applied to settlements of the insured regions ({@code insuplc_admdvs}) whose code
 * starts with one of {@code regionPrefixes}. Provinces differ (REFERENCE.md), so profiles are configuration.
 */
public record ValidationProfile(String name, List<String> regionPrefixes, Set<Identity> identities) {

    public static final ValidationProfile DEFAULT =
            new ValidationProfile("default", List.of(), EnumSet.allOf(Identity.class));

    public ValidationProfile {
        regionPrefixes = List.copyOf(regionPrefixes);
        identities = identities.isEmpty() ? EnumSet.noneOf(Identity.class) : EnumSet.copyOf(identities);
    }

    public boolean checks(Identity identity) {
        return identities.contains(identity);
    }
}
