package com.huibao.gateway.codec;

import com.huibao.gateway.domain.settlement.ValidationProfile;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The regional profiles in force: the one whose region prefix is the longest match of a settlement's region, else
 * the national default. Also the validation profiles they carry, for the domain's validator.
 */
public final class Dialects {
    private final List<Dialect> regional;
    private final Dialect national;

    public Dialects(List<Dialect> regional, Dialect national) {
        this.regional = List.copyOf(regional);
        this.national = national;
    }

    public Dialect national() {
        return national;
    }

    public List<Dialect> all() {
        List<Dialect> out = new ArrayList<>(regional);
        out.add(national);
        return out;
    }

    public Dialect forRegion(String region) {
        Dialect best = national;
        int length = -1;
        if (region != null) {
            for (Dialect d : regional) {
                for (String prefix : d.regions()) {
                    if (region.startsWith(prefix) && prefix.length() > length) {
                        best = d;
                        length = prefix.length();
                    }
                }
            }
        }
        return best;
    }

    /** The identities of every profile, selected the same way, for {@code SettlementValidator}. */
    public ValidationProfiles validationProfiles() {
        List<ValidationProfile> profiles = new ArrayList<>();
        for (Dialect d : regional) {
            profiles.add(d.validation());
        }
        return new ValidationProfiles(profiles, national.validation());
    }
}
