package com.huibao.gateway.app.settlement;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL;
import static com.huibao.gateway.app.fakes.UseCaseWorld.PMI;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.SettlementReader;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.support.Readers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Any sequence of confirms, partial refunds and reversals of three settlements of one patient leaves each policy's
 * accumulators equal to the sum of its live claims' deltas, and never pays a policy more than the patient bore.
 */
class RefundSequenceProperties {
    @Property(tries = 60)
    @StatisticsReport(onFailureOnly = true)
    void accumulators_stay_the_sum_of_the_live_claims_deltas(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 11) Integer> steps) {
        UseCaseWorld world = new UseCaseWorld().authorizing(Purpose.DIRECT_SETTLEMENT);
        SettlementReader reader = Readers.reader();
        ConfirmDirectSettlementUseCase confirm = world.confirms();
        RefundDirectSettlementUseCase refund =
                new RefundDirectSettlementUseCase(world.checks, world.cases, reader, world.db, world.ids, world.clock);
        ReverseDirectSettlementUseCase reverse = new ReverseDirectSettlementUseCase(world.db, world.clock);
        Statistics.coverage(c -> {
            c.check("out-of-list refund applied").count(k -> k > 0);
            c.check("specialty refund applied").count(k -> k > 0);
        });
        Set<String> confirmed = new HashSet<>();
        int n = 0;
        for (int step : steps) {
            String setlId = "S-P-" + (step % 3);
            int op = step / 3;
            n++;
            try {
                if (op == 0 || !confirmed.contains(setlId)) {
                    StoredSettlement s = UseCaseWorld.settlement("settlement-inpatient-1.json", setlId);
                    await(confirm.execute(HOSPITAL, setlId, s, s.contentHash(), c -> "confirmed"));
                    confirmed.add(setlId);
                } else if (op == 1 || op == 2) {
                    String doc = (op == 1 ? RefundDocuments.OUT_OF_LIST : RefundDocuments.SPECIALTY).formatted(n);
                    await(refund.execute(HOSPITAL, setlId, "RF-" + n, doc, "h" + n, r -> "refunded"));
                    Statistics.collect(op == 1 ? "out-of-list refund applied" : "specialty refund applied");
                } else {
                    await(reverse.execute(HOSPITAL, setlId, r -> "reversed"));
                }
            } catch (InvalidDocumentException | Failure e) {
                Statistics.collect("refused");
                // a refund beyond what was bought, a refund or confirm of a reversed settlement: refused, nothing
                // changed (the checks below hold either way)
            }
            for (String policy : List.of(HMB, PMI)) {
                Accumulators live = Accumulators.EMPTY;
                for (ClaimStore.Claim c : world.db.claims()) {
                    if (c.policyNo().equals(policy) && !c.state().equals("REVERSED")) {
                        live = live.plus(world.db.claimResult(c.claimId()).delta());
                    }
                }
                assertThat(world.db.accumulatorsOf(policy))
                        .as("%s after %s", policy, steps)
                        .isEqualTo(live);
            }
            for (ClaimStore.Claim c : world.db.claims()) {
                assertThat(c.paysHospital().plus(c.paysPatient())).isEqualTo(c.payout());
                assertThat(Json.parse(c.result()).get("payout").asText())
                        .isEqualTo(c.payout().toString());
            }
        }
    }
}
