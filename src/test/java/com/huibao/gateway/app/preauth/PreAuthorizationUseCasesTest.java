package com.huibao.gateway.app.preauth;

import static com.huibao.gateway.app.fakes.Done.await;
import static com.huibao.gateway.app.fakes.UseCaseWorld.CERTNO;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.HOSPITAL;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_HMB;
import static com.huibao.gateway.app.fakes.UseCaseWorld.INSURER_PMI;
import static com.huibao.gateway.app.fakes.UseCaseWorld.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.fakes.UseCaseWorld;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.app.settlement.ReverseDirectSettlementUseCase;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.PreAuthRules;
import com.huibao.gateway.domain.preauth.DrugRef;
import com.huibao.gateway.domain.preauth.PreAuthEvent;
import com.huibao.gateway.domain.preauth.PreAuthState;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.support.SettlementBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pre-authorizations (特药申请) against in-memory stores: applied for, decided, consumed by purchases, given back. */
class PreAuthorizationUseCasesTest {
    /** The worked examples' specialty drug (奥希替尼, HMB-2026's list requiring pre-approval, indication C34). */
    private static final String DRUG = "XL01XEA147A001010181836";

    private static final Principal PHARMACY = new Principal("demo-pharmacy", Role.PHARMACY, "DEMO-PHARMACY-01");

    private final UseCaseWorld world = new UseCaseWorld()
            .authorizing("INS-HMB", Set.of(Purpose.PRE_AUTHORIZATION, Purpose.DIRECT_SETTLEMENT))
            .authorizing("INS-PMI", Set.of(Purpose.DIRECT_SETTLEMENT));
    private final RequestPreAuthorizationUseCase request = new RequestPreAuthorizationUseCase(
            world.db.patientStore(),
            world.db.personKeys(),
            world.db.catalogStore(),
            world.db,
            world.ids,
            world.clock,
            ZONE);
    private final DecidePreAuthorizationUseCase decide = new DecidePreAuthorizationUseCase(
            world.db, world.db.consentStore(), new ConsentRules(ZONE), world.clock, ZONE);
    private final LocalDate today = LocalDate.of(2026, 5, 1);

    private RequestPreAuthorizationUseCase.Application application(String quantity, int days, String diagnosis) {
        return new RequestPreAuthorizationUseCase.Application(
                HMB,
                "01",
                CERTNO,
                new DrugRef(DRUG, null),
                new BigDecimal(quantity),
                days,
                diagnosis,
                "Dr. Demo",
                List.of("a".repeat(64)));
    }

    private PreAuthorization approved(String quantity) {
        PreAuthorization p = await(request.execute(HOSPITAL, application(quantity, 30, "C34.1")));
        return await(decide.execute(
                INSURER_HMB,
                p.id(),
                new DecidePreAuthorizationUseCase.Approve(new BigDecimal(quantity), today, today.plusDays(29))));
    }

    private String purchase(String setlId, PreAuthorization p, String cnt) {
        Settlement s = SettlementBuilder.settlement()
                .id(setlId)
                .hospital(PHARMACY.tenant())
                .medType("41")
                .at(LocalDateTime.of(2026, 5, 1, 9, 0))
                .add(SettlementBuilder.fee("1")
                        .code(DRUG)
                        .category("09")
                        .selfPaid("15000.00")
                        .cnt(cnt)
                        .preapproval(p.approvalNo()))
                .build();
        StoredSettlement stored = new StoredSettlement(s, "{}", setlId, "PHARMACY");
        return await(world.confirms().execute(PHARMACY, setlId, stored, setlId, c -> "ok " + c.payoutTotal()));
    }

    @Test
    void an_application_waits_for_review_and_its_insurer_is_told() {
        PreAuthorization p = await(request.execute(HOSPITAL, application("3", 30, "C34.1")));

        assertThat(p.state()).isEqualTo(PreAuthState.REQUESTED);
        assertThat(p.insurerId()).isEqualTo("INS-HMB");
        assertThat(p.requestedBy()).isEqualTo("HOSPITAL:" + HOSPITAL.tenant());
        assertThat(world.db.events())
                .singleElement()
                .satisfies(e -> assertThat(((PreAuthEvent) e).type()).isEqualTo("preauth.requested"));
    }

    @Test
    void an_application_for_a_drug_the_plan_pays_without_pre_approval_or_a_policy_not_held_is_refused() {
        assertThatThrownBy(() -> await(request.execute(
                        HOSPITAL,
                        new RequestPreAuthorizationUseCase.Application(
                                HMB,
                                "01",
                                CERTNO,
                                new DrugRef("X-NOT-LISTED", null),
                                BigDecimal.ONE,
                                30,
                                "C34",
                                null,
                                List.of()))))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("NOT_A_PRE_APPROVED_DRUG"));
        assertThatThrownBy(() -> await(request.execute(
                        HOSPITAL,
                        new RequestPreAuthorizationUseCase.Application(
                                HMB,
                                "01",
                                "310104199002020022",
                                new DrugRef(DRUG, null),
                                BigDecimal.ONE,
                                30,
                                "C34",
                                null,
                                List.of()))))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("POLICY_NOT_HELD"));
        assertThat(world.db.events()).isEmpty();
    }

    @Test
    void the_insurer_approves_part_of_the_quantity_once_and_only_with_the_patients_consent() {
        PreAuthorization p = await(request.execute(HOSPITAL, application("3", 30, "C34.1")));

        assertThatThrownBy(
                        () -> await(decide.execute(INSURER_PMI, p.id(), new DecidePreAuthorizationUseCase.Deny("no"))))
                .isInstanceOf(Failure.NotFound.class);
        assertThatThrownBy(() -> await(decide.execute(
                        INSURER_HMB,
                        p.id(),
                        new DecidePreAuthorizationUseCase.Approve(new BigDecimal("4"), today, today.plusDays(29)))))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("QUANTITY_ABOVE_REQUESTED"));

        PreAuthorization a = await(decide.execute(
                INSURER_HMB,
                p.id(),
                new DecidePreAuthorizationUseCase.Approve(new BigDecimal("2"), today, today.plusDays(29))));
        assertThat(a.state()).isEqualTo(PreAuthState.APPROVED);
        assertThat(a.approvalNo()).startsWith(PreAuthorization.APPROVAL_PREFIX);
        assertThat(a.quantityApproved()).isEqualByComparingTo("2");
        assertThatThrownBy(() -> await(
                        decide.execute(INSURER_HMB, p.id(), new DecidePreAuthorizationUseCase.Deny("changed my mind"))))
                .isInstanceOfSatisfying(
                        Failure.Conflict.class, f -> assertThat(f.code()).isEqualTo("ILLEGAL_TRANSITION"));

        UseCaseWorld noConsent = new UseCaseWorld();
        PreAuthorization q = await(new RequestPreAuthorizationUseCase(
                        noConsent.db.patientStore(),
                        noConsent.db.personKeys(),
                        noConsent.db.catalogStore(),
                        noConsent.db,
                        noConsent.ids,
                        noConsent.clock,
                        ZONE)
                .execute(HOSPITAL, application("1", 30, "C34.1")));
        assertThatThrownBy(() -> await(new DecidePreAuthorizationUseCase(
                                noConsent.db,
                                noConsent.db.consentStore(),
                                new ConsentRules(ZONE),
                                noConsent.clock,
                                ZONE)
                        .execute(INSURER_HMB, q.id(), new DecidePreAuthorizationUseCase.Deny("no"))))
                .isInstanceOfSatisfying(
                        Failure.Forbidden.class, f -> assertThat(f.code()).isEqualTo("NO_AUTHORIZATION"));
    }

    @Test
    void the_plans_rules_approve_a_listed_drug_within_its_indication_at_once_and_queue_the_rest() {
        Catalog c = world.db.catalog();
        Map<String, Plan> plans = new HashMap<>(c.plans());
        Plan hmb = plans.get("HMB-2026");
        plans.put(
                hmb.planId(),
                new Plan(
                        hmb.planId(),
                        hmb.insurerId(),
                        hmb.name(),
                        hmb.cobPriority(),
                        hmb.overallCap(),
                        hmb.deductiblePools(),
                        hmb.responsibilities(),
                        null,
                        Map.of(),
                        hmb.compensation(),
                        new PreAuthRules(true, 30, 30)));
        world.db.withCatalog(new Catalog(2, plans, c.planVersions(), c.lists(), c.listOwners()));

        PreAuthorization within = await(request.execute(HOSPITAL, application("3", 30, "C34.1")));
        PreAuthorization otherIndication = await(request.execute(HOSPITAL, application("3", 30, "C50")));
        PreAuthorization tooLong = await(request.execute(HOSPITAL, application("3", 60, "C34.1")));

        assertThat(within.state()).isEqualTo(PreAuthState.APPROVED);
        assertThat(within.validTo()).isEqualTo(today.plusDays(29));
        assertThat(otherIndication.state()).isEqualTo(PreAuthState.REQUESTED);
        assertThat(tooLong.state()).isEqualTo(PreAuthState.REQUESTED);
        assertThat(world.db.events())
                .extracting(e -> ((PreAuthEvent) e).type())
                .containsExactly("preauth.requested", "preauth.approved", "preauth.requested", "preauth.requested");
    }

    @Test
    void purchases_consume_the_approval_never_beyond_its_quantity_and_a_reversal_gives_it_back() {
        PreAuthorization a = approved("3");

        purchase("P-1", a, "2");
        assertThat(world.db.preAuthorization(a.id()).orElseThrow().quantityUsed())
                .isEqualByComparingTo("2");

        assertThatThrownBy(() -> purchase("P-2", a, "2"))
                .isInstanceOfSatisfying(
                        Failure.Conflict.class, f -> assertThat(f.code()).isEqualTo("PREAUTH_QUANTITY_EXCEEDED"));
        assertThat(world.db.preAuthorization(a.id()).orElseThrow().quantityUsed())
                .as("nothing consumed")
                .isEqualByComparingTo("2");
        assertThat(world.db.directSettlement("P-2")).isEmpty();

        purchase("P-3", a, "1");
        assertThat(world.db.preAuthorization(a.id()).orElseThrow().remaining()).isEqualByComparingTo("0");

        await(new ReverseDirectSettlementUseCase(world.db, world.clock).execute(PHARMACY, "P-1", r -> "reversed"));
        assertThat(world.db.preAuthorization(a.id()).orElseThrow().quantityUsed())
                .isEqualByComparingTo("1");
        assertThat(world.db.preAuthUses())
                .filteredOn(u -> u.use().setlId().equals("P-1"))
                .allSatisfy(u -> assertThat(u.reversed()).isTrue());
        purchase("P-4", a, "2");
        assertThat(world.db.preAuthorization(a.id()).orElseThrow().remaining()).isEqualByComparingTo("0");
    }

    @Test
    void a_purchase_against_another_persons_or_an_unknown_or_a_pending_approval_consumes_nothing() {
        PreAuthorization pending = await(request.execute(HOSPITAL, application("3", 30, "C34.1")));
        PreAuthorization fake = new PreAuthorization(
                pending.id(),
                "HBPA-UNKNOWN0000001",
                "INS-HMB",
                HMB,
                pending.personKey(),
                pending.drug(),
                BigDecimal.ONE,
                30,
                null,
                null,
                List.of(),
                "X",
                PreAuthState.APPROVED,
                BigDecimal.ONE,
                BigDecimal.ZERO,
                today,
                today,
                null,
                pending.requestedAt(),
                null);

        assertThatThrownBy(() -> purchase("P-U", fake, "1"))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("PREAUTH_UNKNOWN"));
        assertThat(world.db.directSettlement("P-U")).isEmpty();
        assertThat(world.db.claims()).isEmpty();
    }
}
