package com.huibao.gateway.app.settlement;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PMI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.claim.ClaimEvent;
import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.claim.DirectSettlementReversal;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.support.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reversal (冲正) against in-memory stores: exactly what the confirm added is taken back, or nothing is. */
class ReverseDirectSettlementUseCaseTest {
    private static final String SETL = "S20260315000001";

    private final UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
    private final List<DirectSettlementReversal.Reversed> rendered = new ArrayList<>();
    private final Function<DirectSettlementReversal.Reversed, String> render = r -> {
        rendered.add(r);
        return "reversed " + r.setlId() + " " + r.claims().size();
    };
    private final ReverseDirectSettlementUseCase reverse = new ReverseDirectSettlementUseCase(world.db, world.clock);

    private void confirmed() {
        StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", null);
        await(world.confirms().execute(HOSPITAL, SETL, s, s.contentHash(), c -> "confirmed"));
    }

    @Test
    void a_reversal_takes_back_exactly_what_the_confirm_added_and_reverses_every_claim() {
        world.db.withAccumulators(HMB, Examples.accumulatorsAfter1().get(HMB));
        Accumulators hmbBefore = world.db.accumulatorsOf(HMB);
        confirmed();
        assertThat(world.db.accumulatorsOf(HMB)).isNotEqualTo(hmbBefore);

        String response = await(reverse.execute(HOSPITAL, SETL, render));

        assertThat(response).isEqualTo("reversed " + SETL + " 2");
        assertThat(world.db.accumulatorsOf(HMB)).isEqualTo(hmbBefore);
        assertThat(world.db.accumulatorsOf(PMI).total().isZero()).isTrue();
        assertThat(world.db.claims()).extracting(ClaimStore.Claim::state).containsOnly("REVERSED");
        assertThat(rendered.get(0).claims())
                .allSatisfy(c -> assertThat(c.state()).isEqualTo(ClaimState.REVERSED));
        assertThat(rendered.get(0).restored()).containsOnlyKeys(HMB, PMI);
        assertThat(world.db.events())
                .filteredOn(e -> e instanceof ClaimEvent.ClaimReversed)
                .hasSize(2);
        assertThat(world.db.deltas()).allSatisfy(d -> assertThat(d.reversed()).isTrue());
        assertThat(world.db.directSettlement(SETL)).get().satisfies(r -> {
            assertThat(r.reversed()).isTrue();
            assertThat(r.reversalResponse()).isEqualTo(response);
        });
        assertThat(world.db.audit())
                .extracting(a -> a.action())
                .containsExactly("DIRECT_SETTLEMENT_CONFIRMED", "DIRECT_SETTLEMENT_REVERSED");
    }

    @Test
    void a_reversal_again_answers_the_stored_reversal_and_changes_nothing() {
        confirmed();
        String first = await(reverse.execute(HOSPITAL, SETL, render));
        int events = world.db.events().size();

        assertThat(await(reverse.execute(HOSPITAL, SETL, render))).isEqualTo(first);
        assertThat(rendered).as("decided once").hasSize(1);
        assertThat(world.db.events()).hasSize(events);
    }

    @Test
    void a_claim_the_insurer_already_paid_refuses_the_reversal_and_nothing_changes() {
        confirmed();
        String paid = world.db.claims().stream()
                .filter(c -> c.policyNo().equals(PMI))
                .findFirst()
                .orElseThrow()
                .claimId();
        world.db.pay(paid, "PAY-1");
        Accumulators pmi = world.db.accumulatorsOf(PMI);

        assertThatThrownBy(() -> await(reverse.execute(HOSPITAL, SETL, render)))
                .isInstanceOfSatisfying(Failure.Conflict.class, f -> {
                    assertThat(f.code()).isEqualTo(DirectSettlementReversal.CLAIM_ALREADY_PAID);
                    assertThat(f.getMessage()).contains(paid);
                });
        assertThat(world.db.accumulatorsOf(PMI)).isEqualTo(pmi);
        assertThat(world.db.claims()).extracting(ClaimStore.Claim::state).containsExactlyInAnyOrder("APPROVED", "PAID");
        assertThat(world.db.directSettlement(SETL))
                .get()
                .satisfies(r -> assertThat(r.reversed()).isFalse());
        assertThat(world.db.rolledBack()).isEqualTo(1);
    }

    @Test
    void another_hospitals_settlement_and_an_unknown_one_are_not_found() {
        confirmed();
        Principal other = new Principal("other-hospital", Role.HOSPITAL, "H31010100002");

        assertThatThrownBy(() -> await(reverse.execute(other, SETL, render)))
                .isInstanceOfSatisfying(
                        Failure.NotFound.class, f -> assertThat(f.code()).isEqualTo("DIRECT_SETTLEMENT_NOT_FOUND"));
        assertThatThrownBy(() -> await(reverse.execute(HOSPITAL, "S-NONE", render)))
                .isInstanceOf(Failure.NotFound.class);
        assertThat(world.db.claims()).extracting(ClaimStore.Claim::state).containsOnly("APPROVED");
    }
}
