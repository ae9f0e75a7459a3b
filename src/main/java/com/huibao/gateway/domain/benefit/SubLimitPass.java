package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.plan.SubLimit;
import java.util.HashMap;
import java.util.Map;

/**
 * The sub-limits a responsibility's lines fall under, lines in order, several lines on one limit sharing what is
 * left (also across responsibilities of one claim): a list entry's annual count, annual cap and per-admission cap
 * (keyed by its code or name), then the responsibility's own limits (per generic name, or over the lines they name,
 * for a year or an admission). {@link #cut} bounds each line's share; {@link #record} books what the final shares
 * used.
 */
final class SubLimitPass {
    private final SettlementView v;
    private final Accumulators before;
    private final ClaimDeltas deltas;

    SubLimitPass(SettlementView v, Accumulators before, ClaimDeltas deltas) {
        this.v = v;
        this.before = before;
        this.deltas = deltas;
    }

    /** Each line's share after its sub-limits; {@code shares} itself when nothing bit. */
    long[] cut(Responsibility r, Scratch s, long[] shares) {
        long[] out = shares;
        Map<String, Long> usedNow = new HashMap<>();
        for (int i = 0; i < v.n; i++) {
            s.limitReason[i] = null;
            s.limitKey[i] = null;
            if (!s.takes(i) || shares[i] == 0) {
                continue;
            }
            long share = shares[i];
            ListEntry e = s.entries[i];
            if (e != null && e.hasSubLimits()) {
                LimitKey key = LimitKey.entry(listOf(r), e.code());
                share = limit(
                        s,
                        i,
                        share,
                        key,
                        e.annualCount(),
                        e.annualCap() == null ? null : e.annualCap().fen(),
                        UnpaidReason.CODE_ANNUAL_COUNT,
                        UnpaidReason.CODE_ANNUAL_CAP,
                        usedNow);
                if (e.admissionCap() != null) {
                    share = limit(
                            s,
                            i,
                            share,
                            key.forAdmission(mdtrtId()),
                            null,
                            e.admissionCap().fen(),
                            null,
                            UnpaidReason.CODE_ADMISSION_CAP,
                            usedNow);
                }
            }
            for (SubLimit l : r.limits()) {
                if (share > 0 && names(l, i)) {
                    boolean admission = l.period() == SubLimit.Period.ADMISSION;
                    share = limit(
                            s,
                            i,
                            share,
                            key(r, l, i),
                            l.count(),
                            l.cap() == null ? null : l.cap().fen(),
                            UnpaidReason.SUB_LIMIT_COUNT,
                            admission ? UnpaidReason.SUB_LIMIT_ADMISSION_CAP : UnpaidReason.SUB_LIMIT_ANNUAL_CAP,
                            usedNow);
                }
            }
            if (share != shares[i]) {
                if (out == shares) {
                    out = shares.clone();
                }
                out[i] = share;
            }
        }
        return out;
    }

    /** Books what the final shares consumed of every limit they fall under (amounts, and lines for counted ones). */
    void record(Responsibility r, Scratch s, long[] shares) {
        for (int i = 0; i < v.n; i++) {
            if (!s.takes(i) || shares[i] == 0) {
                continue;
            }
            ListEntry e = s.entries[i];
            if (e != null && e.hasSubLimits()) {
                LimitKey key = LimitKey.entry(listOf(r), e.code());
                book(key, e.annualCount() != null, e.annualCap() != null, shares[i]);
                if (e.admissionCap() != null) {
                    deltas.limit(key.forAdmission(mdtrtId()), shares[i]);
                }
            }
            for (SubLimit l : r.limits()) {
                if (names(l, i)) {
                    book(key(r, l, i), l.count() != null, l.cap() != null, shares[i]);
                }
            }
        }
    }

    private void book(LimitKey key, boolean counted, boolean capped, long share) {
        if (counted) {
            deltas.countLine(key);
        }
        if (capped) {
            deltas.limit(key, share);
        }
    }

    /** {@code share} after one limit's count and cap, remembering the first limit that cut line i. */
    private long limit(
            Scratch s,
            int i,
            long share,
            LimitKey key,
            Integer count,
            Long cap,
            UnpaidReason countReason,
            UnpaidReason capReason,
            Map<String, Long> usedNow) {
        if (count != null) {
            String countKey = "count:" + key.key();
            long lines = before.count(key.key()) + deltas.count(key) + usedNow.getOrDefault(countKey, 0L);
            if (lines >= count) {
                share = cut(s, i, share, 0, countReason, key);
            } else {
                usedNow.merge(countKey, 1L, Long::sum);
            }
        }
        if (cap != null) {
            long used = before.limitUsed(key.key()).fen() + deltas.limitFen(key) + usedNow.getOrDefault(key.key(), 0L);
            share = cut(s, i, share, Math.max(0, cap - used), capReason, key);
            usedNow.merge(key.key(), share, Long::sum);
        }
        return share;
    }

    private static long cut(Scratch s, int i, long share, long left, UnpaidReason reason, LimitKey key) {
        if (share > left) {
            if (s.limitReason[i] == null) {
                s.limitReason[i] = reason;
                s.limitKey[i] = key;
            }
            return left;
        }
        return share;
    }

    private boolean names(SubLimit l, int i) {
        return l.names(v.lines.get(i).medChrgitmType(), v.kind(i));
    }

    private LimitKey key(Responsibility r, SubLimit l, int i) {
        LimitKey key;
        if (l.per() == SubLimit.Per.GENERIC_NAME) {
            String name = v.genericKey(i);
            key = LimitKey.genericName(
                    r.id(), name != null ? name : v.lines.get(i).medListCodg());
        } else {
            key = LimitKey.subLimit(r.id(), l.id());
        }
        return l.period() == SubLimit.Period.ADMISSION ? key.forAdmission(mdtrtId()) : key;
    }

    private static String listOf(Responsibility r) {
        return r.listId() != null ? r.listId() : r.sublimitList();
    }

    private String mdtrtId() {
        return v.settlement.setlinfo().mdtrtId();
    }
}
