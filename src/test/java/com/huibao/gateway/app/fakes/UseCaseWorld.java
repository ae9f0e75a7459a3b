package com.huibao.gateway.app.fakes;

import com.huibao.gateway.app.insurer.QuickClaimUseCase;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.IdSource;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.app.settlement.ConfirmDirectSettlementUseCase;
import com.huibao.gateway.app.shared.PatientCases;
import com.huibao.gateway.app.shared.PolicyClaimCreation;
import com.huibao.gateway.app.shared.SettlementChecks;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Readers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The worked examples' world for use-case tests: the plans, lists and two policies of {@code shared/examples} (沪惠保
 * {@code HMB26-000001} of INS-HMB and {@code PMI-778899} of INS-PMI, both of the insured 310101198001010011) in
 * {@link InMemoryStores}, a clock fixed on 2026-05-01 (Beijing) and ids counted from 1, and the shared helpers the use
 * cases are built with.
 */
public final class UseCaseWorld {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String HOSPITAL_CODE = "H31010100001";
    public static final String CERTNO = "310101198001010011";
    public static final String PERSON = InMemoryStores.personKey("01", CERTNO);
    public static final String HMB = "HMB26-000001";
    public static final String PMI = "PMI-778899";
    public static final Principal HOSPITAL = new Principal("demo-hospital", Role.HOSPITAL, HOSPITAL_CODE);
    public static final Principal INSURER_HMB = new Principal("demo-insurer-hmb", Role.INSURER, "INS-HMB");
    public static final Principal INSURER_PMI = new Principal("demo-insurer-pmi", Role.INSURER, "INS-PMI");
    public static final Principal PATIENT = new Principal(PERSON, Role.PATIENT, PERSON);

    public final Clock clock = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private final AtomicLong nextId = new AtomicLong();
    public final IdSource ids = () -> new UUID(0, nextId.incrementAndGet());
    public final InMemoryStores db;
    public final PatientCases cases;
    public final SettlementChecks checks = new SettlementChecks(
            new SettlementValidator(Readers.reader().dialects().validationProfiles()));
    public final PolicyClaimCreation claimCreation;

    public UseCaseWorld() {
        Map<String, Plan> plans = Examples.plans();
        Map<String, Integer> versions = new HashMap<>();
        plans.keySet().forEach(id -> versions.put(id, 1));
        Map<String, String> owners = new HashMap<>();
        plans.values()
                .forEach(p -> p.responsibilities().forEach(r -> {
                    if (r.listId() != null) {
                        owners.put(r.listId(), p.insurerId());
                    }
                }));
        db = new InMemoryStores(new Catalog(1, plans, versions, Examples.lists(), owners), clock);
        for (Policy p : Examples.policies()) {
            db.withPolicy(p);
        }
        cases = new PatientCases(
                db.personKeys(),
                db.policyStore(),
                db.catalogStore(),
                db.accumulatorStore(),
                db.consentStore(),
                new ConsentRules(ZONE),
                () -> Institutions.EMPTY,
                clock);
        claimCreation = new PolicyClaimCreation(db, db.claimStore(), ids);
    }

    /** The direct-settlement confirm of this world (直赔). */
    public ConfirmDirectSettlementUseCase confirms() {
        return new ConfirmDirectSettlementUseCase(
                checks, cases, db.directSettlementStore(), db, db.accessLog(), ids, clock);
    }

    /** The hospital confirms a worked example's settlement ({@code setl_id} replaced when given). */
    public void confirmed(String example, String setlId) {
        StoredSettlement s = settlement(example, setlId);
        Done.await(
                confirms().execute(HOSPITAL, s.settlement().setlinfo().setlId(), s, s.contentHash(), c -> "confirmed"));
    }

    /** The quick-claim use case of this world (快赔). */
    public QuickClaimUseCase quickClaims() {
        return new QuickClaimUseCase(
                db.insurerCatalogStore(),
                db.claimStore(),
                claimCreation,
                cases,
                db.accessLog(),
                Readers.reader(),
                clock,
                ZONE);
    }

    /**
     * The insurer publishes the next version of one of the worked examples' plans: its document in {@code plans.json},
     * edited (the edit must change it). Earlier versions stay readable, as in {@code plan_versions}.
     */
    public UseCaseWorld publishing(String planId, UnaryOperator<String> edit) {
        String original = new String(Examples.bytes("plans.json"), StandardCharsets.UTF_8);
        String edited = edit.apply(original);
        if (edited.equals(original)) {
            throw new IllegalArgumentException("the edit changed nothing in plans.json");
        }
        Plan plan = PlanJson.readAll(Json.parse(edited), Examples.lists()::contains).stream()
                .filter(p -> p.planId().equals(planId))
                .findFirst()
                .orElseThrow();
        Catalog c = db.catalog();
        Map<String, Plan> plans = new HashMap<>(c.plans());
        plans.put(planId, plan);
        Map<String, Integer> versions = new HashMap<>(c.planVersions());
        versions.merge(planId, 1, Integer::sum);
        db.withCatalog(new Catalog(c.version() + 1, plans, versions, c.lists(), c.listOwners()));
        return this;
    }

    /** The patient authorizes both insurers for these purposes, for settlements from 2026-01-01 until 2030. */
    public UseCaseWorld authorizing(Purpose... purposes) {
        Set<Purpose> set = EnumSet.noneOf(Purpose.class);
        set.addAll(Arrays.asList(purposes));
        for (String insurer : new String[] {"INS-HMB", "INS-PMI"}) {
            authorizing(insurer, set);
        }
        return this;
    }

    public UseCaseWorld authorizing(String insurerId, Set<Purpose> purposes) {
        db.withConsent(
                PERSON,
                new Consent(
                        ids.uuid(),
                        insurerId,
                        purposes,
                        LocalDate.of(2026, 1, 1),
                        Instant.parse("2030-01-01T00:00:00Z"),
                        clock.instant(),
                        null));
        return this;
    }

    /** A worked example's settlement as the hospital sends it ({@code setl_id} replaced when given). */
    public static StoredSettlement settlement(String example, String setlId) {
        String document = new String(Examples.bytes(example), StandardCharsets.UTF_8);
        if (setlId != null) {
            document = document.replace("S20260315000001", setlId).replace("S20260420000002", setlId);
        }
        return new StoredSettlement(
                Readers.reader().parse(document, HOSPITAL_CODE),
                document,
                Integer.toHexString(document.hashCode()),
                "HOSPITAL");
    }
}
