package com.huibao.gateway.codec;

import com.huibao.gateway.domain.settlement.FundKind;
import com.huibao.gateway.domain.settlement.MessageKind;
import com.huibao.gateway.domain.settlement.ValidationProfile;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the settlements of one insured region are spelled and checked (a profile of {@code config/profiles/},
 * docs/SETTLEMENTS.md "Regional dialects"): other names for fields, what {@code ""} and {@code null} amounts mean
 * (zero, or absent), regional {@code med_type} codes and their national ones, the date-time forms accepted, what each
 * {@code setldetail} fund type is, what kind of message each {@code infno} is, and the sum identities checked.
 *
 * @param aliases       per section ({@code envelope}, {@code setlinfo}, {@code feedetail}, {@code setldetail},
 *                      {@code diseinfo}): national name → other names tried in order when it is absent
 * @param blankIsZero   default reading of {@code ""} for an amount: zero (true) or absent (false)
 * @param nullIsZero    default reading of {@code null} for an amount
 * @param blankOverride amounts read the other way round for {@code ""}
 * @param nullOverride  amounts read the other way round for {@code null}
 * @param medTypes      regional {@code med_type} → national code (e.g. Hainan 2101 → 21)
 * @param fundKinds     {@code fund_pay_type} code or prefix → kind; the longest key that the code starts with wins
 */
public record Dialect(
        String name,
        List<String> regions,
        ValidationProfile validation,
        Map<String, Map<String, List<String>>> aliases,
        boolean blankIsZero,
        boolean nullIsZero,
        Set<String> blankOverride,
        Set<String> nullOverride,
        Map<String, String> medTypes,
        List<DateTimeFormatter> dateTimeFormats,
        List<DateTimeFormatter> dateFormats,
        Map<String, FundKind> fundKinds,
        FundKind defaultFundKind,
        Map<String, MessageKind> messageKinds) {

    public Dialect {
        regions = List.copyOf(regions);
        aliases = lookups(aliases);
        blankOverride = Set.copyOf(blankOverride);
        nullOverride = Set.copyOf(nullOverride);
        medTypes = Map.copyOf(medTypes);
        dateTimeFormats = List.copyOf(dateTimeFormats);
        dateFormats = List.copyOf(dateFormats);
        fundKinds = Map.copyOf(fundKinds);
        messageKinds = Map.copyOf(messageKinds);
    }

    /**
     * The aliases as hash maps: they are asked for every field of every fee line, mostly for fields that have none,
     * and a hash map answers that faster than the immutable maps of {@code Map.copyOf} (docs/PERFORMANCE.md).
     */
    private static Map<String, Map<String, List<String>>> lookups(Map<String, Map<String, List<String>>> aliases) {
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        aliases.forEach((section, names) -> {
            Map<String, List<String>> copy = new HashMap<>();
            names.forEach((field, others) -> copy.put(field, List.copyOf(others)));
            out.put(section, Collections.unmodifiableMap(copy));
        });
        return Collections.unmodifiableMap(out);
    }

    /** The other names of {@code field} in {@code section}, in the order tried. */
    List<String> aliasesOf(String section, String field) {
        Map<String, List<String>> s = aliases.get(section);
        if (s == null) {
            return List.of();
        }
        List<String> a = s.get(field);
        return a == null ? List.of() : a;
    }

    /** Whether {@code ""} reads as zero for this amount (else as absent). */
    boolean blankIsZero(String field) {
        return blankIsZero != blankOverride.contains(field);
    }

    boolean nullIsZero(String field) {
        return nullIsZero != nullOverride.contains(field);
    }

    String nationalMedType(String medType) {
        return medType == null ? null : medTypes.getOrDefault(medType, medType);
    }

    FundKind fundKind(String fundPayType) {
        FundKind best = defaultFundKind;
        int length = -1;
        if (fundPayType != null) {
            for (Map.Entry<String, FundKind> e : fundKinds.entrySet()) {
                if (fundPayType.startsWith(e.getKey()) && e.getKey().length() > length) {
                    best = e.getValue();
                    length = e.getKey().length();
                }
            }
        }
        return best;
    }

    MessageKind messageKind(String infno) {
        return infno == null ? MessageKind.OTHER : messageKinds.getOrDefault(infno, MessageKind.OTHER);
    }
}
