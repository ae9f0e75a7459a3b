package com.huibao.gateway.domain.settlement;

import java.util.List;

/** Picks the profile for a settlement's insured region: the longest matching prefix, else the default profile. */
public final class ValidationProfiles {
    private final List<ValidationProfile> profiles;
    private final ValidationProfile fallback;

    public ValidationProfiles(List<ValidationProfile> profiles, ValidationProfile fallback) {
        this.profiles = List.copyOf(profiles);
        this.fallback = fallback;
    }

    public static ValidationProfiles defaults() {
        return new ValidationProfiles(List.of(), ValidationProfile.DEFAULT);
    }

    public ValidationProfile forRegion(String insuplcAdmdvs) {
        ValidationProfile best = fallback;
        int bestLength = -1;
        if (insuplcAdmdvs != null) {
            for (ValidationProfile p : profiles) {
                for (String prefix : p.regionPrefixes()) {
                    if (insuplcAdmdvs.startsWith(prefix) && prefix.length() > bestLength) {
                        best = p;
                        bestLength = prefix.length();
                    }
                }
            }
        }
        return best;
    }
}
