package com.huibao.gateway.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The largest differences between two plans, kept the same whatever way the claims were split between workers. */
class PricingStudyTest {
    private static ClaimDifference d(String setlId, String first, String second) {
        return new ClaimDifference(setlId, Money.parse(first), Money.parse(second));
    }

    @Test
    void keeps_the_largest_differences_either_way_largest_first_ties_by_settlement() {
        List<ClaimDifference> all = List.of(
                d("S1", "0.00", "100.00"),
                d("S2", "500.00", "0.00"),
                d("S3", "10.00", "10.00"),
                d("S4", "0.00", "500.00"),
                d("S5", "1.00", "2.00"),
                d("S6", "50.00", "0.00"));
        PricingStudy whole = new PricingStudy(List.of(), 3);
        all.forEach(whole::offer);
        PricingStudy left = new PricingStudy(List.of(), 3);
        PricingStudy right = new PricingStudy(List.of(), 3);
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? left : right).offer(all.get(i));
        }
        assertThat(whole.largestDifferences())
                .extracting(ClaimDifference::setlId)
                .containsExactly("S2", "S4", "S1");
        assertThat(right.merge(left).largestDifferences()).isEqualTo(whole.largestDifferences());
        assertThat(whole.largestDifferences().get(0).difference()).isEqualTo(Money.parse("-500.00"));
    }
}
