package com.huibao.gateway.app.payment;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL_CODE;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_HMB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payment batches against in-memory stores: applied once, replayed as answered, refused whole. */
class PostPaymentBatchUseCaseTest {
    private static final String SETL = "S20260315000001";

    private final UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
    private final PostPaymentBatchUseCase post = new PostPaymentBatchUseCase(world.db, world.clock);

    private String confirmedClaimOfHmb() {
        StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", null);
        await(world.confirms().execute(HOSPITAL, SETL, s, s.contentHash(), c -> "confirmed"));
        return world.db.claims().stream()
                .filter(c -> c.policyNo().equals(HMB))
                .findFirst()
                .orElseThrow()
                .claimId();
    }

    private static PaymentBatch batch(String id, String amount, String claimId) {
        return new PaymentBatch(
                id,
                HOSPITAL_CODE,
                Money.parse(amount),
                LocalDate.parse("2026-05-10"),
                List.of(new PaymentBatch.Item(claimId, Money.parse(amount))));
    }

    private ClaimStore.Claim claim(String id) {
        return world.db.claims().stream()
                .filter(c -> c.claimId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_partial_then_a_full_payment_make_the_claim_paid_and_a_replay_changes_nothing() {
        String hmb = confirmedClaimOfHmb();
        PostPaymentBatchUseCase.Outcome first =
                await(post.execute(INSURER_HMB, batch("B1", "3000.00", hmb), "h1", a -> "applied " + a.applied()));
        assertThat(first.response()).isEqualTo("applied 3000.00");
        assertThat(claim(hmb).state()).isEqualTo("APPROVED");
        assertThat(world.db.remitted(hmb)).isEqualTo(Money.parse("3000.00"));

        await(post.execute(INSURER_HMB, batch("B2", "208.26", hmb), "h2", a -> "applied " + a.applied()));
        assertThat(claim(hmb).state()).isEqualTo("PAID");
        assertThat(claim(hmb).paymentRef()).isEqualTo("B2");

        PostPaymentBatchUseCase.Outcome again =
                await(post.execute(INSURER_HMB, batch("B2", "208.26", hmb), "h2", a -> "recomputed"));
        assertThat(again.replay()).isTrue();
        assertThat(again.response()).isEqualTo("applied 208.26");
        assertThat(world.db.remitted(hmb)).isEqualTo(Money.parse("3208.26"));
        assertThatThrownBy(() -> await(post.execute(INSURER_HMB, batch("B2", "1.00", hmb), "h3", a -> "x")))
                .isInstanceOfSatisfying(
                        Failure.Conflict.class, e -> assertThat(e.code()).isEqualTo("BATCH_CONFLICT"));
    }

    @Test
    void a_batch_for_another_payee_is_refused_whole_and_nothing_is_remitted() {
        String hmb = confirmedClaimOfHmb();
        PaymentBatch elsewhere = new PaymentBatch(
                "B9",
                "H99999999999",
                Money.parse("10.00"),
                LocalDate.parse("2026-05-10"),
                List.of(new PaymentBatch.Item(hmb, Money.parse("10.00"))));
        assertThatThrownBy(() -> await(post.execute(INSURER_HMB, elsewhere, "h9", a -> "x")))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.code())
                                .containsExactly("PAYEE_MISMATCH"));
        assertThat(world.db.remitted(hmb)).isEqualTo(Money.ZERO);
        assertThat(world.db.audit()).extracting(a -> a.action()).doesNotContain("PAYMENT_BATCH_POSTED");
    }
}
