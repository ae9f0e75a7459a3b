package com.huibao.gateway.domain.reconciliation;

import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per insurer, over a period's direct-settlement claims: confirmed and reversed hospital shares, what was paid on
 * the standing claims, what is still outstanding, and what was paid on claims since reversed (owed back: a
 * receivable, as is what was paid on a standing claim beyond its share since a partial refund lowered it).
 * {@code net = confirmed − reversed = paid + outstanding} for the standing claims.
 */
public record InsurerAccount(
        String insurerId,
        int claims,
        Money confirmed,
        int reversedClaims,
        Money reversed,
        Money net,
        Money paid,
        Money outstanding,
        Money receivable) {

    public static Map<String, InsurerAccount> of(List<ClaimFigure> claims) {
        Map<String, InsurerAccount> out = new TreeMap<>();
        for (ClaimFigure c : claims) {
            out.merge(c.insurerId(), single(c), InsurerAccount::plus);
        }
        return out;
    }

    private static InsurerAccount single(ClaimFigure c) {
        boolean gone = c.state() == ClaimState.REVERSED;
        Money share = c.paysHospital();
        Money outstanding = gone || c.remitted().compareTo(share) >= 0 ? Money.ZERO : share.minus(c.remitted());
        Money paid = gone ? Money.ZERO : c.remitted().compareTo(share) > 0 ? share : c.remitted();
        return new InsurerAccount(
                c.insurerId(),
                1,
                share,
                gone ? 1 : 0,
                gone ? share : Money.ZERO,
                gone ? Money.ZERO : share,
                paid,
                outstanding,
                gone ? c.remitted() : over(c.remitted(), share));
    }

    /** What was remitted beyond the claim's share (a refund after payment lowered it): owed back. */
    private static Money over(Money remitted, Money share) {
        return remitted.compareTo(share) > 0 ? remitted.minus(share) : Money.ZERO;
    }

    private InsurerAccount plus(InsurerAccount o) {
        return new InsurerAccount(
                insurerId,
                claims + o.claims,
                confirmed.plus(o.confirmed),
                reversedClaims + o.reversedClaims,
                reversed.plus(o.reversed),
                net.plus(o.net),
                paid.plus(o.paid),
                outstanding.plus(o.outstanding),
                receivable.plus(o.receivable));
    }
}
