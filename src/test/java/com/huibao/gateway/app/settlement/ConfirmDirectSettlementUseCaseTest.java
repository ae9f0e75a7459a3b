package com.huibao.gateway.app.settlement;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PMI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.InMemoryStores;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.claim.ClaimEvent;
import com.huibao.gateway.domain.claim.Confirmation;
import com.huibao.gateway.domain.claim.DirectSettlementConfirmation;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.support.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Confirm (直赔) against in-memory stores and a fixed clock: what one transaction decides and writes. */
class ConfirmDirectSettlementUseCaseTest {
    private static final String SETL = "S20260315000001";

    private final UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
    private final List<Confirmation> rendered = new ArrayList<>();
    private final Function<Confirmation, String> render = c -> {
        rendered.add(c);
        return "confirmed " + c.setlId() + " " + c.payoutTotal();
    };
    private final ConfirmDirectSettlementUseCase confirm = world.confirms();

    private String confirm(StoredSettlement s) {
        return await(confirm.execute(HOSPITAL, s.settlement().setlinfo().setlId(), s, s.contentHash(), render));
    }

    @Test
    void a_confirm_pays_the_worked_example_and_writes_claims_deltas_events_audit_and_response_in_one_transaction() {
        String response = confirm(UseCaseWorld.settlement("settlement-inpatient-1.json", null));

        assertThat(response).isEqualTo("confirmed " + SETL + " 7552.33");
        Confirmation c = rendered.get(0);
        assertThat(c.claims())
                .extracting(cl -> cl.policyNo() + "=" + cl.payout() + "/" + cl.paysHospital())
                .containsExactly(HMB + "=3208.26/3208.26", PMI + "=4344.07/4344.07");
        assertThat(c.claims()).allSatisfy(cl -> assertThat(cl.channel()).isEqualTo(ClaimChannel.DIRECT_SETTLEMENT));
        assertThat(world.db.claims())
                .extracting(ClaimStore.Claim::claimId)
                .containsExactlyInAnyOrderElementsOf(
                        c.claims().stream().map(cl -> cl.claimId()).toList());
        // the accumulators of accumulators-after-1.json, and deltas that say exactly that
        Examples.accumulatorsAfter1()
                .forEach((policy, after) ->
                        assertThat(world.db.accumulatorsOf(policy)).isEqualTo(after));
        assertThat(world.db.deltas()).extracting(InMemoryStores.Delta::policyNo).containsExactlyInAnyOrder(HMB, PMI);
        assertThat(world.db.events())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(ClaimEvent.ClaimCreated.class));
        assertThat(world.db.audit()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("DIRECT_SETTLEMENT_CONFIRMED");
            assertThat(a.details()).containsEntry("payout_total", "7552.33");
        });
        assertThat(world.db.directSettlement(SETL)).get().satisfies(r -> {
            assertThat(r.confirmResponse()).isEqualTo(response);
            assertThat(r.confirmedAt()).isEqualTo(world.clock.instant());
        });
        assertThat(world.db.accessLogOf(UseCaseWorld.PERSON))
                .extracting(e -> e.action())
                .containsExactly("DIRECT_SETTLEMENT_CONFIRM");
        assertThat(world.db.committed()).isEqualTo(1);
    }

    @Test
    void a_confirm_decides_on_the_accumulators_it_reads_under_the_lock_and_reads_none_before() {
        // the patient's first stay already confirmed: the second is decided on what it left, as a preview shows
        world.db.withAccumulators(HMB, Examples.accumulatorsAfter1().get(HMB));
        world.db.withAccumulators(PMI, Examples.accumulatorsAfter1().get(PMI));
        StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", "S-SECOND-STAY");
        Adjudication previewed = await(new PreviewDirectSettlementUseCase(
                        world.checks, world.cases, world.db.preAuthStore(), world.db.accessLog(), world.clock)
                .execute(HOSPITAL, s.settlement()));
        int readsBefore = world.db.accumulatorReadsOutsideTransactions();

        await(confirm.execute(HOSPITAL, "S-SECOND-STAY", s, s.contentHash(), render));

        assertThat(world.db.accumulatorReadsOutsideTransactions())
                .as("the confirm read the accumulators only in its transaction")
                .isEqualTo(readsBefore);
        assertThat(rendered.get(0).adjudication().policies())
                .extracting(p -> p.policyNo() + "=" + p.payout())
                .containsExactlyElementsOf(previewed.policies().stream()
                        .map(p -> p.policyNo() + "=" + p.payout())
                        .toList())
                .isNotEqualTo(List.of(HMB + "=3208.26", PMI + "=4344.07"));
    }

    @Test
    void the_same_request_again_answers_the_stored_response_and_changes_nothing() {
        StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", null);
        String first = confirm(s);
        int events = world.db.events().size();

        assertThat(confirm(s)).isEqualTo(first);
        assertThat(rendered).as("decided once").hasSize(1);
        assertThat(world.db.claims()).hasSize(2);
        assertThat(world.db.events()).hasSize(events);
        assertThat(world.db.committed()).isEqualTo(1);
    }

    @Test
    void another_body_under_the_same_setl_id_is_a_conflict_and_changes_nothing() {
        confirm(UseCaseWorld.settlement("settlement-inpatient-1.json", null));
        StoredSettlement other = UseCaseWorld.settlement("settlement-outpatient-2.json", SETL);

        assertThatThrownBy(() -> confirm(other))
                .isInstanceOfSatisfying(
                        Failure.Conflict.class, f -> assertThat(f.code()).isEqualTo("IDEMPOTENCY_CONFLICT"));
        assertThat(world.db.claims()).hasSize(2);
    }

    @Test
    void a_policy_already_claimed_through_another_channel_pays_nothing_here_and_says_why() {
        world.authorizing("INS-PMI", Set.of(Purpose.QUICK_CLAIM));
        StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", null);
        await(world.db.settlementStore().ingest(s));
        await(world.quickClaims().execute(UseCaseWorld.INSURER_PMI, SETL, PMI));

        confirm(s);

        PolicyResult pmi = rendered.get(0).adjudication().policy(PMI);
        assertThat(pmi.payout()).isEqualTo(Money.ZERO);
        assertThat(pmi.denialReason()).isEqualTo(DirectSettlementConfirmation.ALREADY_CLAIMED);
        assertThat(rendered.get(0).claims()).extracting(cl -> cl.policyNo()).containsExactly(HMB);
        assertThat(world.db.claims())
                .extracting(c -> c.policyNo() + ":" + c.channel())
                .containsExactlyInAnyOrder(PMI + ":QUICK_CLAIM", HMB + ":DIRECT_SETTLEMENT");
    }

    @Test
    void a_policy_whose_insurer_the_patient_did_not_authorize_pays_nothing_with_its_reason() {
        UseCaseWorld onlyHmb = new UseCaseWorld().authorizing("INS-HMB", Set.of(Purpose.DIRECT_SETTLEMENT));
        ConfirmDirectSettlementUseCase c = new ConfirmDirectSettlementUseCase(
                onlyHmb.checks,
                onlyHmb.cases,
                onlyHmb.db.directSettlementStore(),
                onlyHmb.db,
                onlyHmb.db.accessLog(),
                onlyHmb.ids,
                onlyHmb.clock);
        StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", null);
        List<Confirmation> out = new ArrayList<>();

        await(c.execute(HOSPITAL, SETL, s, s.contentHash(), conf -> {
            out.add(conf);
            return "ok";
        }));

        assertThat(out.get(0).adjudication().policy(PMI).denialReason()).isEqualTo("NO_AUTHORIZATION");
        assertThat(onlyHmb.db.claims()).extracting(ClaimStore.Claim::policyNo).containsExactly(HMB);
    }

    @Test
    void a_settlement_naming_another_setl_id_than_the_url_is_refused_before_any_transaction() {
        StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", null);

        assertThatThrownBy(() -> confirm.execute(HOSPITAL, "S-OTHER", s, s.contentHash(), render))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("SETL_ID_MISMATCH"));
        assertThat(world.db.committed() + world.db.rolledBack()).isZero();
        assertThat(world.db.holdsSettlement(SETL)).isFalse();
    }
}
