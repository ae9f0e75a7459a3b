package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.payment.PayableClaim;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.payment.Remittance;
import com.huibao.gateway.domain.payment.RemittanceOutcome;
import com.huibao.gateway.domain.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A payment batch applied claim by claim: nothing dropped, PAID only when covered, refused whole when wrong. */
class RemittanceTest {
    private static final String H = "H1";

    private static Money m(String s) {
        return Money.parse(s);
    }

    private static PayableClaim claim(String id, ClaimState state, String owed, String remitted) {
        return new PayableClaim(id, "INS", state, m(owed), m(remitted), H);
    }

    private static PaymentBatch batch(String amount, PaymentBatch.Item... items) {
        return new PaymentBatch("B1", H, m(amount), LocalDate.parse("2026-05-01"), List.of(items));
    }

    private static PaymentBatch.Item item(String claimId, String amount) {
        return new PaymentBatch.Item(claimId, m(amount));
    }

    @Test
    void every_item_is_applied_as_far_as_its_claim_is_outstanding_and_the_rest_is_listed() {
        Map<String, PayableClaim> claims = Map.of(
                "EXACT", claim("EXACT", ClaimState.APPROVED, "100.00", "0.00"),
                "PART", claim("PART", ClaimState.APPROVED, "100.00", "0.00"),
                "REST", claim("REST", ClaimState.APPROVED, "100.00", "60.00"),
                "OVER", claim("OVER", ClaimState.APPROVED, "100.00", "0.00"),
                "DONE", claim("DONE", ClaimState.PAID, "100.00", "100.00"),
                "GONE", claim("GONE", ClaimState.REVERSED, "100.00", "0.00"),
                "PATIENT", claim("PATIENT", ClaimState.APPROVED, "0.00", "0.00"));
        Remittance.Applied a = (Remittance.Applied) Remittance.apply(
                "INS",
                batch(
                        "620.00",
                        item("EXACT", "100.00"),
                        item("PART", "30.00"),
                        item("REST", "40.00"),
                        item("OVER", "120.00"),
                        item("DONE", "100.00"),
                        item("GONE", "100.00"),
                        item("PATIENT", "10.00"),
                        item("NOBODY", "120.00")),
                claims);
        assertThat(a.items())
                .extracting(Remittance.ItemResult::outcome)
                .containsExactly(
                        RemittanceOutcome.PAID,
                        RemittanceOutcome.PARTIAL,
                        RemittanceOutcome.PAID,
                        RemittanceOutcome.OVERPAID,
                        RemittanceOutcome.ALREADY_PAID,
                        RemittanceOutcome.CLAIM_REVERSED,
                        RemittanceOutcome.NOTHING_OWED,
                        RemittanceOutcome.UNKNOWN_CLAIM);
        assertThat(a.items())
                .extracting(r -> r.applied().toString())
                .containsExactly("100.00", "30.00", "40.00", "100.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(a.applied()).isEqualTo(m("270.00"));
        assertThat(a.unapplied()).as("20 over + 100 + 100 + 10 + 120").isEqualTo(m("350.00"));
        assertThat(a.applied().plus(a.unapplied())).isEqualTo(m("620.00"));
        assertThat(a.items().get(1).outstanding()).isEqualTo(m("70.00"));
        assertThat(a.items().get(1).claimState()).isEqualTo(ClaimState.APPROVED);
        assertThat(a.changes())
                .containsExactly(
                        new Remittance.ClaimChange("EXACT", m("100.00"), ClaimState.PAID),
                        new Remittance.ClaimChange("PART", m("30.00"), ClaimState.APPROVED),
                        new Remittance.ClaimChange("REST", m("100.00"), ClaimState.PAID),
                        new Remittance.ClaimChange("OVER", m("100.00"), ClaimState.PAID));
    }

    @Test
    void a_batch_that_does_not_add_up_or_pays_what_it_may_not_is_refused_whole_naming_each_field() {
        Map<String, PayableClaim> claims = Map.of(
                "MINE", claim("MINE", ClaimState.APPROVED, "100.00", "0.00"),
                "THEIRS", new PayableClaim("THEIRS", "OTHER", ClaimState.APPROVED, m("50.00"), Money.ZERO, H),
                "ELSEWHERE", new PayableClaim("ELSEWHERE", "INS", ClaimState.APPROVED, m("50.00"), Money.ZERO, "H2"));
        Remittance.Refused r = (Remittance.Refused) Remittance.apply(
                "INS",
                batch(
                        "200.00",
                        item("MINE", "50.00"),
                        item("MINE", "50.00"),
                        item("THEIRS", "50.00"),
                        item("ELSEWHERE", "50.00"),
                        item("X", "0.00")),
                claims);
        assertThat(r.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(
                        tuple("items[1].claim_id", "DUPLICATE_CLAIM"),
                        tuple("items[2].claim_id", "CLAIM_OF_ANOTHER_INSURER"),
                        tuple("items[3].claim_id", "PAYEE_MISMATCH"),
                        tuple("items[4].amount", "NOT_POSITIVE"));
        Remittance.Refused total =
                (Remittance.Refused) Remittance.apply("INS", batch("100.01", item("MINE", "100.00")), claims);
        assertThat(total.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("amount", "BATCH_TOTAL_MISMATCH"));
    }
}
