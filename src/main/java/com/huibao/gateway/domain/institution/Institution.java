package com.huibao.gateway.domain.institution;

import java.util.Set;

/**
 * A medical institution as the registry knows it: its national code ({@code fixmedins_code}), name, hospital level
 * ({@code hosp_lv} code of the national dictionary: 01–04 level 3, 05–07 level 2, 08–10 level 1, 11 none), the
 * administrative division it lies in, its kind, and the named sets it belongs to (e.g. the hospitals certified for
 * one CAR-T drug, or a plan's designated pharmacies).
 *
 * @param level  null when unknown
 * @param admdvs null when unknown
 */
public record Institution(
        String code, String name, String level, String admdvs, InstitutionKind kind, Set<String> sets) {

    public Institution {
        sets = sets == null ? Set.of() : Set.copyOf(sets);
        kind = kind == null ? InstitutionKind.HOSPITAL : kind;
    }

    public boolean inSet(String set) {
        return sets.contains(set);
    }
}
