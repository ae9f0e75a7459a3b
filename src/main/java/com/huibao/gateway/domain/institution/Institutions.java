package com.huibao.gateway.domain.institution;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable snapshot of the institution registry: institutions by {@code fixmedins_code}. The engine looks up
 * what a settlement does not say (a hospital's level, where it lies, its kind, the sets it belongs to); an unknown
 * code is simply absent.
 */
public final class Institutions {
    public static final Institutions EMPTY = new Institutions(Map.of());

    private final Map<String, Institution> byCode;

    private Institutions(Map<String, Institution> byCode) {
        this.byCode = byCode;
    }

    /** The registry of these institutions; a code given twice keeps the later one. */
    public static Institutions of(Collection<Institution> institutions) {
        Map<String, Institution> byCode = new HashMap<>();
        for (Institution i : institutions) {
            byCode.put(i.code(), i);
        }
        return new Institutions(Map.copyOf(byCode));
    }

    /** The institution of that code, or null. */
    public Institution find(String code) {
        return code == null ? null : byCode.get(code);
    }

    public Collection<Institution> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }
}
