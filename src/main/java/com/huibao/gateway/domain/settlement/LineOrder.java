package com.huibao.gateway.domain.settlement;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** SPEC §3.8 line order: {@code feedetl_sn} compared as integers when every one is all digits, else as strings. */
public final class LineOrder {
    private LineOrder() {}

    public static List<FeeLine> sorted(List<FeeLine> lines) {
        boolean numeric = true;
        for (FeeLine l : lines) {
            if (!isDigits(l.feedetlSn())) {
                numeric = false;
                break;
            }
        }
        List<FeeLine> copy = new ArrayList<>(lines);
        Comparator<FeeLine> order = numeric
                ? Comparator.comparing(l -> new BigInteger(l.feedetlSn()))
                : Comparator.comparing(FeeLine::feedetlSn, Comparator.nullsFirst(Comparator.naturalOrder()));
        if (!isSorted(copy, order)) {
            copy.sort(order);
        }
        return List.copyOf(copy);
    }

    private static boolean isSorted(List<FeeLine> lines, Comparator<FeeLine> order) {
        for (int i = 1; i < lines.size(); i++) {
            if (order.compare(lines.get(i - 1), lines.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
