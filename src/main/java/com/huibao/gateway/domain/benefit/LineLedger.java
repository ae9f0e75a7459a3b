package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One policy's per-line figures kept compactly (parallel arrays of fen) while the engine runs; the
 * {@link LineOutcome} views are built on first read. Every unpaid amount is recorded with its reason, the
 * responsibility, the limit that stopped it (if one did) and the fact that decided it, in the order found.
 */
public final class LineLedger {
    private final String[] sns;
    private final long[] inList;
    private final long[] outOfList;
    private final long[] paid;
    private int[] unpaidLine;
    private String[] unpaidReason;
    private long[] unpaidFen;
    private String[] unpaidResponsibility;
    private String[] unpaidLimit;
    /** Made on the first fact recorded (most unpaid amounts have none). */
    private String[] unpaidFact;

    private int unpaidCount;
    private List<LineOutcome> outcomes;

    LineLedger(String[] sns, long[] inList, long[] outOfList) {
        this.sns = sns;
        this.inList = inList;
        this.outOfList = outOfList;
        this.paid = new long[sns.length];
        int capacity = 3 * sns.length + 4;
        this.unpaidLine = new int[capacity];
        this.unpaidReason = new String[capacity];
        this.unpaidFen = new long[capacity];
        this.unpaidResponsibility = new String[capacity];
        this.unpaidLimit = new String[capacity];
    }

    void pay(int line, long fen) {
        paid[line] += fen;
    }

    void unpaid(int line, UnpaidReason reason, long fen, String responsibility) {
        record(line, reason.name(), fen, responsibility, null, null);
    }

    void unpaid(int line, UnpaidReason reason, long fen, String responsibility, LimitKey limit) {
        record(line, reason.name(), fen, responsibility, limit == null ? null : limit.key(), null);
    }

    void unpaid(int line, Refusal refusal, long fen, String responsibility) {
        record(line, refusal.reason().name(), fen, responsibility, null, refusal.fact());
    }

    /** A part of a policy that could not be used at all (its denial: no authorization, already claimed, …). */
    void denied(int line, String denial, long fen) {
        record(line, denial, fen, null, null, null);
    }

    private void record(int line, String reason, long fen, String responsibility, String limit, String fact) {
        if (fen <= 0) {
            return;
        }
        if (unpaidCount == unpaidLine.length) {
            int size = unpaidCount * 2;
            unpaidLine = Arrays.copyOf(unpaidLine, size);
            unpaidReason = Arrays.copyOf(unpaidReason, size);
            unpaidFen = Arrays.copyOf(unpaidFen, size);
            unpaidResponsibility = Arrays.copyOf(unpaidResponsibility, size);
            unpaidLimit = Arrays.copyOf(unpaidLimit, size);
            if (unpaidFact != null) {
                unpaidFact = Arrays.copyOf(unpaidFact, size);
            }
        }
        if (fact != null && unpaidFact == null) {
            unpaidFact = new String[unpaidLine.length];
        }
        unpaidLine[unpaidCount] = line;
        unpaidReason[unpaidCount] = reason;
        unpaidFen[unpaidCount] = fen;
        unpaidResponsibility[unpaidCount] = responsibility;
        unpaidLimit[unpaidCount] = limit;
        if (unpaidFact != null) {
            unpaidFact[unpaidCount] = fact;
        }
        unpaidCount++;
    }

    /** The per-line outcomes, in line order. */
    public synchronized List<LineOutcome> outcomes() {
        if (outcomes == null) {
            List<List<UnpaidPart>> unpaid = new ArrayList<>(sns.length);
            for (int i = 0; i < sns.length; i++) {
                unpaid.add(new ArrayList<>(4));
            }
            for (int k = 0; k < unpaidCount; k++) {
                unpaid.get(unpaidLine[k])
                        .add(new UnpaidPart(
                                unpaidReason[k],
                                Money.ofFen(unpaidFen[k]),
                                unpaidResponsibility[k],
                                unpaidLimit[k],
                                unpaidFact == null ? null : unpaidFact[k]));
            }
            List<LineOutcome> out = new ArrayList<>(sns.length);
            for (int i = 0; i < sns.length; i++) {
                out.add(new LineOutcome(
                        sns[i],
                        Money.ofFen(inList[i]),
                        Money.ofFen(outOfList[i]),
                        Money.ofFen(paid[i]),
                        unpaid.get(i)));
            }
            outcomes = List.copyOf(out);
        }
        return outcomes;
    }
}
