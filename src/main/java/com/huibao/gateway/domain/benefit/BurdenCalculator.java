package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import java.util.List;

/**
 * The personal burden per line (docs/SETTLEMENTS.md, "The burden model"; SPEC §3.1 generalised), so that
 * {@code Σ burden = psn_part_amt} to the fen:
 * <ol>
 *   <li>the lines' self-paid parts: out of list {@code fulamt_ownpay_amt + overlmt_amt}, first self-pay
 *       {@code preselfpay_amt}, and the in-scope self-pay
 *       {@code S = psn_part_amt + hosp_part_amt + compensation inside − Σ out of list − Σ first self-pay}
 *       shared by {@code inscp_scp_amt} (largest remainder). When S would be negative (a fund paid part of the
 *       self-pay parts), it is 0 and the difference is taken off like the hospital's part;</li>
 *   <li>the hospital's part comes off first the in-scope self-pay, then the first self-pay, then the out-of-list
 *       part, each tier in proportion to the lines' amounts: what remains are the patient's <em>costs</em>;</li>
 *   <li>compensation from elsewhere paid inside the settlement (fund rows such as 620100) comes off the costs in
 *       proportion to all parts: what remains is the <em>burden</em>;</li>
 *   <li>compensation declared with the claim is placed on the burden in proportion to its parts: policies pay only
 *       what remains after all compensation.</li>
 * </ol>
 * Expects a validated settlement.
 */
public final class BurdenCalculator {
    private BurdenCalculator() {}

    public static Burdens burdens(Settlement s) {
        List<FeeLine> lines = s.lines();
        int n = lines.size();
        String[] sns = new String[n];
        long[] scopeWeights = new long[n];
        long[] pre = new long[n];
        long[] out = new long[n];
        long inside = s.compensationInside().fen();
        long inScope = s.setlinfo().psnPartAmt().fen() + s.hospitalPart().fen() + inside;
        for (int i = 0; i < n; i++) {
            FeeLine l = lines.get(i);
            sns[i] = l.feedetlSn();
            scopeWeights[i] = Math.max(0, l.inscpScpAmt().fen());
            out[i] = l.fulamtOwnpayAmt().fen() + l.overlmtAmt().fen();
            pre[i] = l.preselfpayAmt().fen();
            inScope -= out[i] + pre[i];
        }
        long hospital = s.hospitalPart().fen() + Math.max(0, -inScope);
        long[] costIn = LargestRemainder.split(Math.max(0, inScope), scopeWeights);
        long[] hospitalPart = null;
        if (hospital > 0) {
            hospitalPart = new long[n];
            hospital = takeOff(hospital, costIn, hospitalPart);
            hospital = takeOff(hospital, pre, hospitalPart);
            takeOff(hospital, out, hospitalPart);
        }
        for (int i = 0; i < n; i++) {
            costIn[i] += pre[i];
        }
        long[] costOut = out;
        if (inside == 0 && s.compensationDeclared().isZero()) {
            return new Burdens(sns, costIn, costOut, costIn, costOut, null, null, hospitalPart);
        }
        long[][] insideShares = spread(inside, costIn, costOut);
        long[] burdenIn = minus(costIn, insideShares[0]);
        long[] burdenOut = minus(costOut, insideShares[1]);
        long[][] declared = spread(s.compensationDeclared().fen(), burdenIn, burdenOut);
        return new Burdens(
                sns,
                burdenIn,
                burdenOut,
                costIn,
                costOut,
                plus(insideShares[0], declared[0]),
                plus(insideShares[1], declared[1]),
                hospitalPart);
    }

    /**
     * Takes up to {@code amount} off {@code parts} (in place) in proportion to them, recording it in {@code taken};
     * returns what is left to take.
     */
    private static long takeOff(long amount, long[] parts, long[] taken) {
        long total = 0;
        for (long p : parts) {
            total += p;
        }
        long now = Math.min(amount, total);
        if (now <= 0) {
            return amount;
        }
        long[] shares = LargestRemainder.split(now, parts);
        for (int i = 0; i < parts.length; i++) {
            parts[i] -= shares[i];
            taken[i] += shares[i];
        }
        return amount - now;
    }

    /** {@code amount} spread over both parts of every line in proportion to them: {in-list shares, out shares}. */
    private static long[][] spread(long amount, long[] in, long[] out) {
        int n = in.length;
        if (amount <= 0) {
            return new long[][] {new long[n], new long[n]};
        }
        long[] weights = new long[2 * n];
        System.arraycopy(in, 0, weights, 0, n);
        System.arraycopy(out, 0, weights, n, n);
        long total = 0;
        for (long w : weights) {
            total += w;
        }
        long[] shares = LargestRemainder.split(Math.min(amount, total), weights);
        long[] a = new long[n];
        long[] b = new long[n];
        System.arraycopy(shares, 0, a, 0, n);
        System.arraycopy(shares, n, b, 0, n);
        return new long[][] {a, b};
    }

    private static long[] minus(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static long[] plus(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
