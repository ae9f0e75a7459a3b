package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-line figures of the burden model (docs/SETTLEMENTS.md), kept as fen in line order: the patient's burden
 * ({@code inList + outOfList}, Σ = {@code psn_part_amt}), the costs before compensation from elsewhere, the
 * compensation from elsewhere per part (inside the settlement and declared), and what the hospital bore. What a
 * first policy may pay of a part is {@code cost − compensation}. Without compensation or a hospital part (the usual
 * case) the cost arrays are the burden arrays and the others null. The {@link LineBurden} views are built on first
 * read.
 */
public final class Burdens {
    final String[] sns;
    final long[] inList;
    final long[] outOfList;
    final long[] costIn;
    final long[] costOut;
    final long[] compensatedIn;
    final long[] compensatedOut;
    final long[] hospital;
    private List<LineBurden> views;

    Burdens(
            String[] sns,
            long[] inList,
            long[] outOfList,
            long[] costIn,
            long[] costOut,
            long[] compensatedIn,
            long[] compensatedOut,
            long[] hospital) {
        this.sns = sns;
        this.inList = inList;
        this.outOfList = outOfList;
        this.costIn = costIn;
        this.costOut = costOut;
        this.compensatedIn = compensatedIn;
        this.compensatedOut = compensatedOut;
        this.hospital = hospital;
    }

    public int size() {
        return sns.length;
    }

    /** What compensation from elsewhere leaves of each line's in-list part: what a first policy may pay of it. */
    long[] payableIn() {
        return difference(costIn, compensatedIn);
    }

    /** The same for the out-of-list part. */
    long[] payableOut() {
        return difference(costOut, compensatedOut);
    }

    private static long[] difference(long[] a, long[] b) {
        if (b == null) {
            return a.clone();
        }
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static long at(long[] a, int i) {
        return a == null ? 0 : a[i];
    }

    public synchronized List<LineBurden> asList() {
        if (views == null) {
            List<LineBurden> out = new ArrayList<>(sns.length);
            for (int i = 0; i < sns.length; i++) {
                out.add(new LineBurden(
                        sns[i],
                        Money.ofFen(inList[i]),
                        Money.ofFen(outOfList[i]),
                        Money.ofFen(at(hospital, i)),
                        Money.ofFen(at(compensatedIn, i) + at(compensatedOut, i))));
            }
            views = List.copyOf(out);
        }
        return views;
    }
}
