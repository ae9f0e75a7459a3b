package com.huibao.gateway.domain.preauth;

import com.huibao.gateway.domain.coverage.GenericName;
import com.huibao.gateway.domain.settlement.FeeLine;

/**
 * The drug a pre-authorization is for: by its code in the lists (the hospital's or the national catalogue's), or by
 * its generic name (通用名), as the city plans list specialty drugs. At least one is given.
 */
public record DrugRef(String code, String genericName) {
    public DrugRef {
        if ((code == null || code.isBlank()) && (genericName == null || genericName.isBlank())) {
            throw new IllegalArgumentException("a drug needs a code or a generic name");
        }
    }

    /** Whether a fee line is this drug: the same code (its own or the catalogue's), or the same generic name. */
    public boolean matches(FeeLine line) {
        if (code != null
                && !code.isBlank()
                && (code.equals(line.medListCodg()) || code.equals(line.facts().hilistCode()))) {
            return true;
        }
        if (genericName == null || genericName.isBlank()) {
            return false;
        }
        String want = GenericName.key(genericName);
        return want.equals(GenericName.key(line.facts().hilistName()))
                || want.equals(GenericName.key(line.medinsListName()));
    }
}
