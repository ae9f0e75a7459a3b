package com.huibao.gateway.domain.pricing;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a candidate plan would have paid over a year, gathered member by member and mergeable (each runner, each
 * thread or Spark partition, gathers its members; the parts are merged): members, claimants, claims, the burden
 * seen, the payout in total and by benefit, how often each limit bit, and each claimant's payout for the spread.
 * Exact to the fen: the same members give the same figures whatever the order they were gathered in.
 */
public final class PlanFigures {
    private final String planId;
    private long members;
    private long claims;
    private Money burden = Money.ZERO;
    private Money payout = Money.ZERO;
    private final Map<String, Money> byBenefit = new TreeMap<>();
    private final Map<String, Long> capsBitten = new TreeMap<>();
    private final Map<String, Money> byClaimant = new HashMap<>();

    public PlanFigures(String planId) {
        this.planId = planId;
    }

    /** Adds one member's priced year (possibly no claims: a member who never claimed still pays a premium). */
    public PlanFigures add(Member m, List<PricedClaim> year) {
        members++;
        Money own = Money.ZERO;
        for (PricedClaim c : year) {
            claims++;
            burden = burden.plus(c.burden());
            payout = payout.plus(c.payout());
            own = own.plus(c.payout());
            c.byBenefit().forEach((b, amount) -> byBenefit.merge(b, amount, Money::plus));
            c.capsBitten().forEach(cap -> capsBitten.merge(cap, 1L, Long::sum));
        }
        if (!own.isZero()) {
            byClaimant.put(m.person(), own);
        }
        return this;
    }

    /** Both parts' members together (members are disjoint between parts: each is priced once). */
    public PlanFigures merge(PlanFigures other) {
        members += other.members;
        claims += other.claims;
        burden = burden.plus(other.burden);
        payout = payout.plus(other.payout);
        other.byBenefit.forEach((b, amount) -> byBenefit.merge(b, amount, Money::plus));
        other.capsBitten.forEach((cap, n) -> capsBitten.merge(cap, n, Long::sum));
        byClaimant.putAll(other.byClaimant);
        return this;
    }

    public String planId() {
        return planId;
    }

    public long members() {
        return members;
    }

    public long claims() {
        return claims;
    }

    public long claimants() {
        return byClaimant.size();
    }

    public Money burden() {
        return burden;
    }

    public Money payout() {
        return payout;
    }

    public Map<String, Money> byBenefit() {
        return Map.copyOf(byBenefit);
    }

    public Map<String, Long> capsBitten() {
        return Map.copyOf(capsBitten);
    }

    /** The pure premium: expected payout per member, HALF_UP to the fen. */
    public Money perMember() {
        return members == 0
                ? Money.ZERO
                : Money.roundHalfUp(payout.value().divide(BigDecimal.valueOf(members), 10, RoundingMode.HALF_UP));
    }

    /** Each claimant's payout over the year, by pseudonym (what a part hands on when it is merged elsewhere). */
    public Map<String, Money> byClaimant() {
        return Map.copyOf(byClaimant);
    }

    /** Figures gathered elsewhere, from their parts as {@link #byBenefit}, {@link #byClaimant} … give them. */
    public static PlanFigures of(
            String planId,
            long members,
            long claims,
            Money burden,
            Money payout,
            Map<String, Money> byBenefit,
            Map<String, Long> capsBitten,
            Map<String, Money> byClaimant) {
        PlanFigures f = new PlanFigures(planId);
        f.members = members;
        f.claims = claims;
        f.burden = burden;
        f.payout = payout;
        f.byBenefit.putAll(byBenefit);
        f.capsBitten.putAll(capsBitten);
        f.byClaimant.putAll(byClaimant);
        return f;
    }

    /** Each claimant's payout over the year, smallest first. */
    public List<Money> claimantPayouts() {
        List<Money> all = new ArrayList<>(byClaimant.values());
        all.sort(null);
        return all;
    }

    /** The payout per claimant at {@code perMille} ‰ (990 = P99, nearest rank); zero without claimants. */
    public Money claimantPercentile(int perMille) {
        List<Money> all = claimantPayouts();
        if (all.isEmpty()) {
            return Money.ZERO;
        }
        int rank = (int) (((long) perMille * all.size() + 999) / 1000); // ⌈perMille × n / 1000⌉
        return all.get(Math.min(all.size() - 1, Math.max(0, rank - 1)));
    }

    /** The share of the payout that went to the top {@code percent} % of claimants (by their year's payout). */
    public BigDecimal topShare(int percent) {
        List<Money> all = claimantPayouts();
        if (all.isEmpty() || payout.isZero()) {
            return BigDecimal.ZERO;
        }
        int top = Math.max(1, (int) (((long) percent * all.size() + 99) / 100)); // ⌈percent × n / 100⌉
        Money sum = Money.ZERO;
        for (int i = all.size() - top; i < all.size(); i++) {
            sum = sum.plus(all.get(i));
        }
        return sum.value().divide(payout.value(), 4, RoundingMode.HALF_UP);
    }
}
