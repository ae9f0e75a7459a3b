package com.huibao.gateway.domain.benefit;

/**
 * The key of a sub-limit's accumulator, as persisted in {@code accumulators.key} (docs/PLANS.md): built only here,
 * so that no caller assembles one by hand.
 * <ul>
 *   <li>{@code entry:LIST:CODE}: a list entry's annual cap or count (CODE is the entry's code or name);</li>
 *   <li>{@code generic:RESPONSIBILITY:NAME}: a responsibility's limit per generic name (NAME the matching key);</li>
 *   <li>{@code sublimit:RESPONSIBILITY:ID}: a responsibility's limit over some of its lines;</li>
 *   <li>{@code admission:MDTRT_ID:…}: any of these, or a responsibility's own cap ({@code admission:MDTRT_ID:RESP}),
 *       for one admission.</li>
 * </ul>
 */
public final class LimitKey {
    private final String key;

    private LimitKey(String key) {
        this.key = key;
    }

    static LimitKey entry(String listId, String code) {
        return new LimitKey("entry:" + listId + ":" + code);
    }

    static LimitKey genericName(String responsibility, String name) {
        return new LimitKey("generic:" + responsibility + ":" + name);
    }

    static LimitKey subLimit(String responsibility, String id) {
        return new LimitKey("sublimit:" + responsibility + ":" + id);
    }

    /** A responsibility's own per-admission cap. */
    static LimitKey responsibilityAdmission(String mdtrtId, String responsibility) {
        return new LimitKey("admission:" + mdtrtId + ":" + responsibility);
    }

    /** This limit kept for one admission. */
    LimitKey forAdmission(String mdtrtId) {
        return new LimitKey("admission:" + mdtrtId + ":" + key);
    }

    /** The persisted form. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LimitKey k && k.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
