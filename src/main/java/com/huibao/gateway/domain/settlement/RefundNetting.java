package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refund lines (退费: negative {@code cnt} and amounts, {@code init_feedetl_sn} naming the refunded line) net against
 * the line they refund before anything else: quantity and every amount are added, and a line refunded in full drops
 * out. Plans then see the net quantity per code. A refund without its original, of another code, with a positive
 * amount or netting below zero is refused (see {@link #violations}); {@link #net} leaves such lines as sent.
 */
public final class RefundNetting {
    private RefundNetting() {}

    /** The lines after netting, in the order sent (refund lines removed, refunded lines netted or dropped). */
    public static List<FeeLine> net(List<FeeLine> sent) {
        Map<String, Integer> originals = originals(sent);
        if (originals.size() == sent.size()) {
            return sent;
        }
        FeeLine[] netted = sent.toArray(FeeLine[]::new);
        boolean[] absorbed = new boolean[netted.length];
        boolean[] refunded = new boolean[netted.length];
        for (int i = 0; i < netted.length; i++) {
            FeeLine r = sent.get(i);
            Integer o = r.isRefund() ? originals.get(r.facts().initFeedetlSn()) : null;
            if (o != null && refundable(sent.get(o), r)) {
                netted[o] = plus(netted[o], r);
                absorbed[i] = true;
                refunded[o] = true;
            }
        }
        List<FeeLine> out = new ArrayList<>(netted.length);
        for (int i = 0; i < netted.length; i++) {
            if (!absorbed[i] && !(refunded[i] && refundedInFull(netted[i]))) {
                out.add(netted[i]);
            }
        }
        return out;
    }

    /** Why the refund lines of {@code sent} cannot be netted, each naming its line; empty when all can. */
    public static List<Violation> violations(List<FeeLine> sent) {
        List<Violation> out = new ArrayList<>();
        Map<String, Integer> originals = originals(sent);
        if (originals.size() == sent.size()) {
            return out;
        }
        FeeLine[] netted = sent.toArray(FeeLine[]::new);
        Map<Integer, Integer> lastRefundOf = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            FeeLine r = sent.get(i);
            if (!r.isRefund()) {
                continue;
            }
            String at = "feedetail[" + i + "].";
            Integer o = originals.get(r.facts().initFeedetlSn());
            if (o == null) {
                out.add(new Violation(
                        at + "init_feedetl_sn",
                        "REFUND_WITHOUT_ORIGINAL",
                        "line " + r.feedetlSn() + " refunds " + r.facts().initFeedetlSn()
                                + ", which is not a line of this settlement"));
            } else if (!sameCode(sent.get(o), r)) {
                out.add(new Violation(
                        at + "med_list_codg",
                        "REFUND_CODE_MISMATCH",
                        "line " + r.feedetlSn() + " refunds "
                                + r.facts().initFeedetlSn() + " but carries another code (" + r.medListCodg() + " ≠ "
                                + sent.get(o).medListCodg() + ")"));
            } else if (!negative(r)) {
                out.add(new Violation(
                        at + "cnt",
                        "REFUND_NOT_NEGATIVE",
                        "refund line " + r.feedetlSn() + " must have cnt ≤ 0 and every amount ≤ 0"));
            } else {
                netted[o] = plus(netted[o], r);
                lastRefundOf.put(o, i);
            }
        }
        lastRefundOf.forEach((o, i) -> {
            FeeLine n = netted[o];
            if (n.cnt().signum() < 0
                    || n.detItemFeeSumamt().isNegative()
                    || n.fulamtOwnpayAmt().isNegative()
                    || n.overlmtAmt().isNegative()
                    || n.preselfpayAmt().isNegative()
                    || n.inscpScpAmt().isNegative()) {
                out.add(new Violation(
                        "feedetail[" + i + "].det_item_fee_sumamt",
                        "REFUND_EXCEEDS_ORIGINAL",
                        "the refunds of"
                                + " line " + n.feedetlSn() + " take more than it had (net cnt "
                                + n.cnt().toPlainString() + ", amount "
                                + n.detItemFeeSumamt() + ")"));
            }
        });
        return out;
    }

    /** {@code feedetl_sn} → position of every line that is not a refund (the first, if one repeats). */
    private static Map<String, Integer> originals(List<FeeLine> sent) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            FeeLine l = sent.get(i);
            if (!l.isRefund()) {
                out.putIfAbsent(l.feedetlSn(), i);
            }
        }
        return out;
    }

    private static boolean refundable(FeeLine original, FeeLine refund) {
        return sameCode(original, refund) && negative(refund);
    }

    private static boolean sameCode(FeeLine a, FeeLine b) {
        return a.medListCodg() != null && a.medListCodg().equals(b.medListCodg());
    }

    private static boolean negative(FeeLine r) {
        return r.cnt().signum() <= 0
                && r.detItemFeeSumamt().signum() <= 0
                && r.fulamtOwnpayAmt().signum() <= 0
                && r.overlmtAmt().signum() <= 0
                && r.preselfpayAmt().signum() <= 0
                && r.inscpScpAmt().signum() <= 0;
    }

    private static FeeLine plus(FeeLine a, FeeLine r) {
        return a.withAmounts(
                a.cnt().add(r.cnt()),
                a.detItemFeeSumamt().plus(r.detItemFeeSumamt()),
                a.fulamtOwnpayAmt().plus(r.fulamtOwnpayAmt()),
                a.overlmtAmt().plus(r.overlmtAmt()),
                a.preselfpayAmt().plus(r.preselfpayAmt()),
                a.inscpScpAmt().plus(r.inscpScpAmt()));
    }

    private static boolean refundedInFull(FeeLine l) {
        return l.cnt().signum() == 0
                && l.detItemFeeSumamt().isZero()
                && l.fulamtOwnpayAmt().isZero()
                && l.overlmtAmt().isZero()
                && l.preselfpayAmt().isZero()
                && l.inscpScpAmt().isZero();
    }
}
