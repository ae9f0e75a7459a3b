package com.huibao.gateway.app.fakes;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.AccumulatorLedger;
import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.app.port.AuditTrail;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.ClaimLedger;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.DayActivity;
import com.huibao.gateway.app.port.DirectSettlementLedger;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.port.EventOutbox;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.app.port.PaymentLedger;
import com.huibao.gateway.app.port.PersonKeys;
import com.huibao.gateway.app.port.PlanVersion;
import com.huibao.gateway.app.port.PolicyStore;
import com.huibao.gateway.app.port.PreAuthLedger;
import com.huibao.gateway.app.port.PreAuthStore;
import com.huibao.gateway.app.port.RefundLedger;
import com.huibao.gateway.app.port.SettlementLedger;
import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.app.port.StoredDocument;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.port.Transaction;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.LineOutcome;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.claim.Confirmation;
import com.huibao.gateway.domain.claim.DirectSettlementRefund;
import com.huibao.gateway.domain.claim.SettledClaim;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.event.InsurerEvent;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.payment.PayableClaim;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.payment.Remittance;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.preauth.PreAuthState;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The gateway's storage in memory, for use-case tests: the tables as maps and lists, every port as a view over them,
 * and {@link Transactions} that keep all or nothing (the tables are copied at the start of a transaction and put back
 * when its future fails). Futures complete at once, so a test needs no Vert.x and runs in microseconds. What the
 * PostgreSQL stores do with SQL is done here with collections: the same contract (the ports' javadoc), checked by the
 * same use cases the HTTP tests run against PostgreSQL.
 */
public final class InMemoryStores implements Transactions {
    /** One row of {@code accumulator_deltas}. */
    public record Delta(String setlId, ClaimChannel channel, String policyNo, Accumulators amount, boolean reversed) {}

    /** One audit record. */
    public record Audit(String actor, String action, String subject, Map<String, Object> details, Instant at) {}

    /** A stored settlement with what the stores derive from it. */
    public record StoredRow(StoredSettlement settlement, String personKey, Instant receivedAt) {}

    private record Tables(
            Map<String, StoredRow> settlements,
            Map<String, DirectSettlementRecord> directSettlements,
            Map<String, ClaimStore.Claim> claims,
            Map<String, PolicyResult> claimResults,
            Map<String, Accumulators> accumulators,
            List<Delta> deltas,
            List<InsurerEvent> events,
            List<Audit> audit,
            Map<String, List<Consent>> consents,
            List<String> consentEvents,
            Map<UUID, PreAuthorization> preAuths,
            List<UseRow> uses,
            Map<String, PaymentLedger.StoredBatch> batches,
            Map<String, Money> remitted,
            Map<String, RefundLedger.StoredRefund> refunds,
            Map<String, List<String>> refundDocuments) {
        Tables copy() {
            Map<String, List<Consent>> consentsCopy = new HashMap<>();
            consents.forEach((k, v) -> consentsCopy.put(k, new ArrayList<>(v)));
            return new Tables(
                    new LinkedHashMap<>(settlements),
                    new LinkedHashMap<>(directSettlements),
                    new LinkedHashMap<>(claims),
                    new LinkedHashMap<>(claimResults),
                    new HashMap<>(accumulators),
                    new ArrayList<>(deltas),
                    new ArrayList<>(events),
                    new ArrayList<>(audit),
                    consentsCopy,
                    new ArrayList<>(consentEvents),
                    new LinkedHashMap<>(preAuths),
                    new ArrayList<>(uses),
                    new LinkedHashMap<>(batches),
                    new HashMap<>(remitted),
                    new LinkedHashMap<>(refunds),
                    copyLists(refundDocuments));
        }

        private static Map<String, List<String>> copyLists(Map<String, List<String>> m) {
            Map<String, List<String>> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
            return out;
        }
    }

    private Tables t = new Tables(
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new HashMap<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new HashMap<>(),
            new ArrayList<>(),
            new LinkedHashMap<>(),
            new ArrayList<>(),
            new LinkedHashMap<>(),
            new HashMap<>(),
            new LinkedHashMap<>(),
            new HashMap<>());

    /** One row of {@code pre_authorization_uses}. */
    public record UseRow(PreAuthLedger.Use use, boolean reversed) {}

    private final Map<String, InsurerCatalogStore.StoredPolicy> policies = new LinkedHashMap<>();
    private final List<Map.Entry<String, AccessLog.Entry>> accessLog = new ArrayList<>();
    private final Map<String, String[]> webhooks = new HashMap<>();
    private final List<Map.Entry<String, WebhookStore.Event>> webhookEvents = new ArrayList<>();
    private final Clock clock;
    /** The net adjudication of each settlement a partial refund changed. */
    private final Map<String, Adjudication> refundedTotals = new HashMap<>();

    /** Every plan version any catalog of this store held, as {@code plan_versions} keeps them. */
    private final Map<PlanVersion, Plan> published = new HashMap<>();

    private Catalog catalog;
    private int transactionsCommitted;
    private int transactionsRolledBack;
    private int accumulatorReadsOutside;

    public InMemoryStores(Catalog catalog, Clock clock) {
        this.clock = clock;
        withCatalog(catalog);
    }

    // ---- set-up and what tests look at

    /** The person key of an identity, as {@link #personKeys()} computes it. */
    public static String personKey(String certType, String certno) {
        return certType + ":" + certno;
    }

    /** Replaces the plans and lists in force (a plan with other rules, say). */
    public InMemoryStores withCatalog(Catalog c) {
        this.catalog = c;
        c.plans()
                .forEach((id, plan) ->
                        published.put(new PlanVersion(id, c.planVersions().getOrDefault(id, 1)), plan));
        return this;
    }

    public Catalog catalog() {
        return catalog;
    }

    public InMemoryStores withPolicy(Policy p) {
        String masked = p.certno().substring(0, 3) + "***"
                + p.certno().substring(p.certno().length() - 4);
        policies.put(
                p.policyNo(),
                new InsurerCatalogStore.StoredPolicy(
                        p, masked, clock.instant(), personKey(p.psnCertType(), p.certno())));
        return this;
    }

    public InMemoryStores withConsent(String personKey, Consent c) {
        t.consents().computeIfAbsent(personKey, k -> new ArrayList<>()).add(c);
        return this;
    }

    public InMemoryStores withAccumulators(String policyNo, Accumulators a) {
        t.accumulators().put(policyNo, a);
        return this;
    }

    public Accumulators accumulatorsOf(String policyNo) {
        return t.accumulators().getOrDefault(policyNo, Accumulators.EMPTY);
    }

    public List<ClaimStore.Claim> claims() {
        return List.copyOf(t.claims().values());
    }

    public List<Delta> deltas() {
        return List.copyOf(t.deltas());
    }

    /** The policy's result stored with a claim (as adjusted by refunds). */
    public PolicyResult claimResult(String claimId) {
        return t.claimResults().get(claimId);
    }

    public List<InsurerEvent> events() {
        return List.copyOf(t.events());
    }

    public List<Audit> audit() {
        return List.copyOf(t.audit());
    }

    public Optional<PreAuthorization> preAuthorization(UUID id) {
        return Optional.ofNullable(t.preAuths().get(id));
    }

    public List<UseRow> preAuthUses() {
        return List.copyOf(t.uses());
    }

    public List<String> consentEvents() {
        return List.copyOf(t.consentEvents());
    }

    public Optional<DirectSettlementRecord> directSettlement(String setlId) {
        return Optional.ofNullable(t.directSettlements().get(setlId));
    }

    public boolean holdsSettlement(String setlId) {
        return t.settlements().containsKey(setlId);
    }

    public List<AccessLog.Entry> accessLogOf(String personKey) {
        return accessLog.stream()
                .filter(e -> e.getKey().equals(personKey))
                .map(Map.Entry::getValue)
                .toList();
    }

    public int committed() {
        return transactionsCommitted;
    }

    public int rolledBack() {
        return transactionsRolledBack;
    }

    /** Marks a claim paid as the insurer would (for a reversal to meet). */
    public void pay(String claimId, String paymentRef) {
        ClaimStore.Claim c = t.claims().get(claimId);
        t.claims().put(claimId, with(c, ClaimState.PAID.name(), clock.instant(), paymentRef, null));
    }

    /** Adds an outbox event of the insurer as the dispatcher would leave it. */
    public UUID webhookEvent(String insurerId, String state) {
        UUID id = UUID.randomUUID();
        webhookEvents.add(Map.entry(
                insurerId,
                new WebhookStore.Event(id, "claim.created", "P-1", state, 3, clock.instant(), null, "HTTP 503", "{}")));
        return id;
    }

    public Optional<String[]> webhookOf(String insurerId) {
        return Optional.ofNullable(webhooks.get(insurerId));
    }

    // ---- Transactions

    @Override
    public <T> Future<T> inTransaction(Function<Transaction, Future<T>> work) {
        Tables before = t.copy();
        Future<T> result;
        try {
            result = work.apply(new InMemoryTransaction());
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        if (result.failed()) {
            t = before;
            transactionsRolledBack++;
        } else if (!result.isComplete()) {
            throw new IllegalStateException("in-memory transactions complete at once");
        } else {
            transactionsCommitted++;
        }
        return result;
    }

    private final class InMemoryTransaction implements Transaction {
        @Override
        public SettlementLedger settlements() {
            return InMemoryStores.this::storeIfAbsent;
        }

        @Override
        public DirectSettlementLedger directSettlements() {
            return new DirectSettlementLedger() {
                @Override
                public Future<Void> recordRefund(String setlId, Settlement net, Adjudication adjudication) {
                    return Future.succeededFuture(); // the stored settlement's own amounts are not modelled here
                }

                @Override
                public Future<Void> serialize(String setlId) {
                    return Future.succeededFuture();
                }

                @Override
                public Future<Optional<DirectSettlementRecord>> find(String setlId) {
                    return Future.succeededFuture(
                            Optional.ofNullable(t.directSettlements().get(setlId)));
                }

                @Override
                public Future<Optional<DirectSettlementRecord>> ofHospital(String setlId, String fixmedinsCode) {
                    return lockForReversal(setlId, fixmedinsCode); // one thread: a lock changes nothing here
                }

                @Override
                public Future<Optional<DirectSettlementRecord>> lockForReversal(String setlId, String fixmedinsCode) {
                    return Future.succeededFuture(
                            Optional.ofNullable(t.directSettlements().get(setlId))
                                    .filter(r -> r.fixmedinsCode().equals(fixmedinsCode)));
                }

                @Override
                public Future<Void> recordConfirmation(Confirmation c, String requestHash, String response) {
                    if (t.directSettlements().containsKey(c.setlId())) {
                        return Future.failedFuture(new Failure.Conflict(ALREADY_EXISTS, c.setlId()));
                    }
                    t.directSettlements()
                            .put(
                                    c.setlId(),
                                    new DirectSettlementRecord(
                                            c.setlId(),
                                            c.fixmedinsCode(),
                                            requestHash,
                                            "CONFIRMED",
                                            c.confirmedAt(),
                                            response,
                                            null,
                                            null,
                                            t.settlements().get(c.setlId()).personKey(),
                                            c.planVersions()));
                    return Future.succeededFuture();
                }

                @Override
                public Future<Void> recordReversal(String setlId, Instant at, String response) {
                    DirectSettlementRecord r = t.directSettlements().get(setlId);
                    t.directSettlements()
                            .put(
                                    setlId,
                                    new DirectSettlementRecord(
                                            r.setlId(),
                                            r.fixmedinsCode(),
                                            r.requestHash(),
                                            "REVERSED",
                                            r.confirmedAt(),
                                            r.confirmResponse(),
                                            at,
                                            response,
                                            r.personKey(),
                                            r.planVersions()));
                    return Future.succeededFuture();
                }
            };
        }

        @Override
        public ClaimLedger claims() {
            return new InMemoryClaimLedger();
        }

        @Override
        public RefundLedger refunds() {
            return new RefundLedger() {
                @Override
                public Future<Optional<StoredRefund>> find(String setlId, String refundId) {
                    return Future.succeededFuture(
                            Optional.ofNullable(t.refunds().get(setlId + "/" + refundId)));
                }

                @Override
                public Future<Refundable> documents(String setlId) {
                    StoredRow row = t.settlements().get(setlId);
                    return Future.succeededFuture(new Refundable(
                            new StoredDocument(
                                    row.settlement().document(),
                                    row.settlement().settlement().setlinfo().fixmedinsCode()),
                            List.copyOf(t.refundDocuments().getOrDefault(setlId, List.of()))));
                }

                @Override
                public Future<Void> insert(
                        String setlId,
                        String refundId,
                        String requestHash,
                        String document,
                        String response,
                        Adjudication net,
                        Instant at) {
                    refundedTotals.put(setlId, net);
                    t.refunds().put(setlId + "/" + refundId, new StoredRefund(requestHash, response));
                    t.refundDocuments()
                            .computeIfAbsent(setlId, k -> new ArrayList<>())
                            .add(document);
                    return Future.succeededFuture();
                }
            };
        }

        @Override
        public PaymentLedger payments() {
            return new PaymentLedger() {
                @Override
                public Future<Optional<StoredBatch>> lockBatch(String insurerId, String batchId) {
                    return Future.succeededFuture(
                            Optional.ofNullable(t.batches().get(insurerId + "/" + batchId)));
                }

                @Override
                public Future<Map<String, PayableClaim>> lockClaims(Collection<String> claimIds) {
                    Map<String, PayableClaim> out = new HashMap<>();
                    for (String id : claimIds) {
                        ClaimStore.Claim c = t.claims().get(id);
                        if (c != null) {
                            out.put(
                                    id,
                                    new PayableClaim(
                                            id,
                                            c.insurerId(),
                                            ClaimState.valueOf(c.state()),
                                            c.paysHospital(),
                                            remitted(id),
                                            t.settlements()
                                                    .get(c.setlId())
                                                    .settlement()
                                                    .settlement()
                                                    .setlinfo()
                                                    .fixmedinsCode()));
                        }
                    }
                    return Future.succeededFuture(out);
                }

                @Override
                public Future<Void> record(
                        String insurerId,
                        PaymentBatch batch,
                        Remittance.Applied applied,
                        String requestHash,
                        String response,
                        Instant at) {
                    t.batches().put(insurerId + "/" + batch.batchId(), new StoredBatch(requestHash, response));
                    for (Remittance.ClaimChange c : applied.changes()) {
                        t.remitted().put(c.claimId(), c.remitted());
                        if (c.state() == ClaimState.PAID) {
                            t.claims()
                                    .put(
                                            c.claimId(),
                                            with(
                                                    t.claims().get(c.claimId()),
                                                    ClaimState.PAID.name(),
                                                    at,
                                                    batch.batchId(),
                                                    null));
                        }
                    }
                    return Future.succeededFuture();
                }
            };
        }

        @Override
        public AccumulatorLedger accumulators() {
            return new AccumulatorLedger() {
                @Override
                public Future<Void> lock(List<String> policyNos) {
                    return Future.succeededFuture();
                }

                @Override
                public Future<Map<String, Accumulators>> of(Collection<String> policyNos) {
                    return Future.succeededFuture(accumulatorsOf(policyNos));
                }

                @Override
                public Future<Void> add(String setlId, ClaimChannel channel, List<PolicyResult> results) {
                    for (PolicyResult p : results) {
                        if (p.delta().isEmpty() && p.delta().total().isZero()) {
                            continue;
                        }
                        t.deltas().add(new Delta(setlId, channel, p.policyNo(), p.delta(), false));
                        t.accumulators().merge(p.policyNo(), p.delta(), Accumulators::plus);
                    }
                    return Future.succeededFuture();
                }

                @Override
                public Future<Map<String, Accumulators>> lockRecorded(String setlId, ClaimChannel channel) {
                    Map<String, Accumulators> out = new HashMap<>();
                    recorded(setlId, channel).forEach(d -> out.merge(d.policyNo(), d.amount(), Accumulators::plus));
                    return Future.succeededFuture(out);
                }

                @Override
                public Future<Map<String, Accumulators>> before(String setlId, ClaimChannel channel) {
                    Map<String, Accumulators> out = new HashMap<>();
                    List<Delta> rows = t.deltas();
                    Map<String, Integer> first = new HashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Delta d = rows.get(i);
                        if (d.setlId().equals(setlId) && d.channel() == channel && !d.reversed()) {
                            first.putIfAbsent(d.policyNo(), i);
                        }
                    }
                    first.forEach((policy, from) -> {
                        Accumulators a = t.accumulators().getOrDefault(policy, Accumulators.EMPTY);
                        for (int i = from; i < rows.size(); i++) {
                            Delta d = rows.get(i);
                            if (d.policyNo().equals(policy) && !d.reversed()) {
                                a = a.minus(d.amount());
                            }
                        }
                        out.put(policy, a);
                    });
                    return Future.succeededFuture(out);
                }

                @Override
                public Future<Void> replaceRecorded(String setlId, ClaimChannel channel, List<PolicyResult> results) {
                    List<Delta> rows = t.deltas();
                    Map<String, PolicyResult> fresh = new LinkedHashMap<>();
                    results.forEach(r -> fresh.put(r.policyNo(), r));
                    for (int i = 0; i < rows.size(); i++) {
                        Delta d = rows.get(i);
                        if (d.setlId().equals(setlId) && d.channel() == channel && !d.reversed()) {
                            PolicyResult r = fresh.remove(d.policyNo());
                            Accumulators now = r == null ? Accumulators.EMPTY : r.delta();
                            t.accumulators()
                                    .put(
                                            d.policyNo(),
                                            t.accumulators()
                                                    .getOrDefault(d.policyNo(), Accumulators.EMPTY)
                                                    .minus(d.amount())
                                                    .plus(now));
                            rows.set(i, new Delta(setlId, channel, d.policyNo(), now, false));
                        }
                    }
                    return add(setlId, channel, List.copyOf(fresh.values()));
                }

                @Override
                public Future<Void> subtractRecorded(String setlId, ClaimChannel channel) {
                    List<Delta> rows = t.deltas();
                    for (int i = 0; i < rows.size(); i++) {
                        Delta d = rows.get(i);
                        if (d.setlId().equals(setlId) && d.channel() == channel && !d.reversed()) {
                            t.accumulators().computeIfPresent(d.policyNo(), (k, a) -> a.minus(d.amount()));
                            rows.set(i, new Delta(d.setlId(), d.channel(), d.policyNo(), d.amount(), true));
                        }
                    }
                    return Future.succeededFuture();
                }
            };
        }

        @Override
        public EventOutbox outbox() {
            return (events, at) -> {
                t.events().addAll(events);
                return Future.succeededFuture();
            };
        }

        @Override
        public PreAuthLedger preAuthorizations() {
            return new PreAuthLedger() {
                @Override
                public Future<Void> insert(PreAuthorization p) {
                    t.preAuths().put(p.id(), p);
                    return Future.succeededFuture();
                }

                @Override
                public Future<Optional<PreAuthorization>> lock(UUID id) {
                    return Future.succeededFuture(
                            Optional.ofNullable(t.preAuths().get(id)));
                }

                @Override
                public Future<Map<String, PreAuthorization>> lockByApprovalNos(Collection<String> approvalNos) {
                    return preAuthStore().byApprovalNos(approvalNos);
                }

                @Override
                public Future<Void> update(PreAuthorization p) {
                    if (p.quantityApproved() != null && p.quantityUsed().compareTo(p.quantityApproved()) > 0) {
                        // the database's CHECK: never more used than approved
                        return Future.failedFuture(new IllegalStateException("used beyond approved"));
                    }
                    t.preAuths().put(p.id(), p);
                    return Future.succeededFuture();
                }

                @Override
                public Future<Void> recordUses(List<Use> uses, Instant at) {
                    uses.forEach(u -> t.uses().add(new UseRow(u, false)));
                    return Future.succeededFuture();
                }

                @Override
                public Future<List<Use>> lockUses(String setlId) {
                    return Future.succeededFuture(t.uses().stream()
                            .filter(r -> r.use().setlId().equals(setlId) && !r.reversed())
                            .map(UseRow::use)
                            .toList());
                }

                @Override
                public Future<Void> reverseUses(String setlId) {
                    List<UseRow> rows = t.uses();
                    for (int i = 0; i < rows.size(); i++) {
                        UseRow r = rows.get(i);
                        if (r.use().setlId().equals(setlId) && !r.reversed()) {
                            PreAuthorization p = t.preAuths().get(r.use().preAuthorizationId());
                            t.preAuths().put(p.id(), p.used(r.use().quantity().negate()));
                            rows.set(i, new UseRow(r.use(), true));
                        }
                    }
                    return Future.succeededFuture();
                }

                @Override
                public Future<Void> keepUses(List<KeptUse> kept) {
                    List<UseRow> rows = t.uses();
                    for (KeptUse k : kept) {
                        for (int i = 0; i < rows.size(); i++) {
                            UseRow r = rows.get(i);
                            if (r.use().setlId().equals(k.use().setlId())
                                    && r.use().feedetlSn().equals(k.use().feedetlSn())
                                    && !r.reversed()) {
                                boolean emptied = k.quantity().signum() == 0;
                                rows.set(
                                        i,
                                        new UseRow(
                                                emptied
                                                        ? r.use()
                                                        : new Use(
                                                                r.use().preAuthorizationId(),
                                                                r.use().setlId(),
                                                                r.use().feedetlSn(),
                                                                k.quantity()),
                                                emptied));
                                PreAuthorization p = t.preAuths().get(r.use().preAuthorizationId());
                                t.preAuths().put(p.id(), p.used(k.returned().negate()));
                            }
                        }
                    }
                    return Future.succeededFuture();
                }
            };
        }

        @Override
        public AuditTrail audit() {
            return (actor, action, subject, details, at) -> {
                t.audit().add(new Audit(actor, action, subject, details, at));
                return Future.succeededFuture();
            };
        }
    }

    private List<Delta> recorded(String setlId, ClaimChannel channel) {
        return t.deltas().stream()
                .filter(d -> d.setlId().equals(setlId) && d.channel() == channel && !d.reversed())
                .toList();
    }

    private final class InMemoryClaimLedger implements ClaimLedger {
        @Override
        public Future<Void> adjust(String refundId, List<DirectSettlementRefund.Adjustment> adjustments, Instant at) {
            for (DirectSettlementRefund.Adjustment a : adjustments) {
                ClaimStore.Claim c = t.claims().get(a.before().claimId());
                t.claims()
                        .put(
                                c.claimId(),
                                new ClaimStore.Claim(
                                        c.claimId(),
                                        c.setlId(),
                                        c.policyNo(),
                                        c.insurerId(),
                                        c.planId(),
                                        c.planVersion(),
                                        c.channel(),
                                        c.state(),
                                        a.payout(),
                                        a.paysHospital(),
                                        a.paysPatient(),
                                        Json.write(AdjudicationJson.policy(a.result())),
                                        c.createdAt(),
                                        c.paidAt(),
                                        c.paymentRef(),
                                        c.reversedAt(),
                                        c.personKey(),
                                        c.setlTime(),
                                        c.provenance()));
                t.claimResults().put(c.claimId(), a.result());
            }
            return Future.succeededFuture();
        }

        @Override
        public Future<Set<String>> liveClaimants(String setlId) {
            Set<String> out = new HashSet<>();
            t.claims().values().stream()
                    .filter(c -> c.setlId().equals(setlId) && !c.state().equals(ClaimState.REVERSED.name()))
                    .forEach(c -> out.add(c.policyNo()));
            return Future.succeededFuture(out);
        }

        @Override
        public Future<Optional<ClaimStore.Claim>> find(String setlId, String policyNo) {
            return Future.succeededFuture(bySettlementAndPolicyNow(setlId, policyNo));
        }

        @Override
        public Future<List<SettledClaim>> directSettlementClaims(String setlId) {
            return lockDirectSettlementClaims(setlId); // one thread: a lock changes nothing here
        }

        @Override
        public Future<List<SettledClaim>> lockDirectSettlementClaims(String setlId) {
            return Future.succeededFuture(t.claims().values().stream()
                    .filter(c -> c.setlId().equals(setlId) && c.channel().equals(ClaimChannel.DIRECT_SETTLEMENT.name()))
                    .map(c -> new SettledClaim(
                            c.claimId(),
                            c.policyNo(),
                            c.insurerId(),
                            ClaimState.valueOf(c.state()),
                            c.payout(),
                            c.paysHospital(),
                            c.paysPatient(),
                            remitted(c.claimId())))
                    .toList());
        }

        @Override
        public Future<Void> insert(List<ApprovedClaim> claims) {
            for (ApprovedClaim c : claims) {
                if (bySettlementAndPolicyNow(c.setlId(), c.policyNo()).isPresent()) {
                    return Future.failedFuture(new Failure.Conflict(ALREADY_EXISTS, c.claimId()));
                }
                t.claims().put(c.claimId(), stored(c));
                t.claimResults().put(c.claimId(), c.result());
            }
            return Future.succeededFuture();
        }

        @Override
        public Future<ClaimStore.Claim> insertAndGet(ApprovedClaim claim) {
            return insert(List.of(claim)).map(v -> t.claims().get(claim.claimId()));
        }

        @Override
        public Future<Void> markReversed(List<SettledClaim> reversed, Instant at) {
            for (SettledClaim r : reversed) {
                ClaimStore.Claim c = t.claims().get(r.claimId());
                t.claims().put(r.claimId(), with(c, ClaimState.REVERSED.name(), null, null, at));
            }
            return Future.succeededFuture();
        }
    }

    private ClaimStore.Claim stored(ApprovedClaim c) {
        StoredRow s = t.settlements().get(c.setlId());
        return new ClaimStore.Claim(
                c.claimId(),
                c.setlId(),
                c.policyNo(),
                c.insurerId(),
                c.result().planId(),
                c.planVersion(),
                c.channel().name(),
                ClaimState.APPROVED.name(),
                c.payout(),
                c.paysHospital(),
                c.paysPatient(),
                Json.write(AdjudicationJson.policy(c.result())),
                c.createdAt(),
                null,
                null,
                null,
                policies.containsKey(c.policyNo()) ? policies.get(c.policyNo()).personKey() : null,
                s == null ? null : s.settlement().settlement().setlinfo().setlTime(),
                s == null ? Provenance.FLAT : s.settlement().settlement().provenance());
    }

    private static ClaimStore.Claim with(
            ClaimStore.Claim c, String state, Instant paidAt, String paymentRef, Instant reversedAt) {
        return new ClaimStore.Claim(
                c.claimId(),
                c.setlId(),
                c.policyNo(),
                c.insurerId(),
                c.planId(),
                c.planVersion(),
                c.channel(),
                state,
                c.payout(),
                c.paysHospital(),
                c.paysPatient(),
                c.result(),
                c.createdAt(),
                paidAt != null ? paidAt : c.paidAt(),
                paymentRef != null ? paymentRef : c.paymentRef(),
                reversedAt != null ? reversedAt : c.reversedAt(),
                c.personKey(),
                c.setlTime(),
                c.provenance());
    }

    private Optional<ClaimStore.Claim> bySettlementAndPolicyNow(String setlId, String policyNo) {
        return t.claims().values().stream()
                .filter(c -> c.setlId().equals(setlId) && c.policyNo().equals(policyNo))
                .findFirst();
    }

    private Future<SettlementStore.Intake> storeIfAbsent(StoredSettlement s) {
        String setlId = s.settlement().setlinfo().setlId();
        StoredRow existing = t.settlements().get(setlId);
        if (existing != null) {
            if (!existing.settlement().contentHash().equals(s.contentHash())) {
                return Future.failedFuture(new Failure.Conflict(
                        "SETTLEMENT_CONFLICT", "a different settlement is already stored as " + setlId));
            }
            return Future.succeededFuture(new SettlementStore.Intake(false, existing.receivedAt()));
        }
        var h = s.settlement().setlinfo();
        t.settlements().put(setlId, new StoredRow(s, personKey(h.psnCertType(), h.certno()), clock.instant()));
        return Future.succeededFuture(new SettlementStore.Intake(true, clock.instant()));
    }

    /** What was remitted on a claim so far (payment batches). */
    public Money remitted(String claimId) {
        return t.remitted().getOrDefault(claimId, Money.ZERO);
    }

    // ---- the ports outside transactions

    public PreAuthStore preAuthStore() {
        return new PreAuthStore() {
            @Override
            public Future<Optional<PreAuthorization>> find(UUID id) {
                return Future.succeededFuture(Optional.ofNullable(t.preAuths().get(id)));
            }

            @Override
            public Future<Map<String, PreAuthorization>> byApprovalNos(Collection<String> approvalNos) {
                Map<String, PreAuthorization> out = new HashMap<>();
                t.preAuths().values().stream()
                        .filter(p -> p.approvalNo() != null && approvalNos.contains(p.approvalNo()))
                        .forEach(p -> out.put(p.approvalNo(), p));
                return Future.succeededFuture(out);
            }

            @Override
            public Future<List<PreAuthorization>> forInsurer(String insurerId, PreAuthState state, int limit) {
                return Future.succeededFuture(t.preAuths().values().stream()
                        .filter(p -> p.insurerId().equals(insurerId) && (state == null || p.state() == state))
                        .limit(limit)
                        .toList());
            }

            @Override
            public Future<List<PreAuthorization>> forPerson(String personKey) {
                List<PreAuthorization> mine = new ArrayList<>(t.preAuths().values().stream()
                        .filter(p -> p.personKey().equals(personKey))
                        .toList());
                java.util.Collections.reverse(mine);
                return Future.succeededFuture(mine);
            }
        };
    }

    public PersonKeys personKeys() {
        return InMemoryStores::personKey;
    }

    public CatalogStore catalogStore() {
        return new CatalogStore() {
            @Override
            public Future<Catalog> current() {
                return Future.succeededFuture(catalog);
            }

            @Override
            public Future<Map<PlanVersion, Plan>> plansAt(Set<PlanVersion> versions) {
                Map<PlanVersion, Plan> found = new HashMap<>();
                versions.forEach(v -> {
                    if (published.containsKey(v)) {
                        found.put(v, published.get(v));
                    }
                });
                return Future.succeededFuture(found);
            }
        };
    }

    public PolicyStore policyStore() {
        return (personKey, certType, certno) -> Future.succeededFuture(policies.values().stream()
                .filter(p -> p.personKey().equals(personKey))
                .map(InsurerCatalogStore.StoredPolicy::policy)
                .toList());
    }

    /** How many times the accumulators were read outside a transaction (through {@link #accumulatorStore()}). */
    public int accumulatorReadsOutsideTransactions() {
        return accumulatorReadsOutside;
    }

    public AccumulatorStore accumulatorStore() {
        return policyNos -> {
            accumulatorReadsOutside++;
            return Future.succeededFuture(accumulatorsOf(policyNos));
        };
    }

    private Map<String, Accumulators> accumulatorsOf(Collection<String> policyNos) {
        Map<String, Accumulators> out = new HashMap<>();
        for (String p : policyNos) {
            if (t.accumulators().containsKey(p)) {
                out.put(p, t.accumulators().get(p));
            }
        }
        return out;
    }

    public ConsentStore consentStore() {
        return personKey -> Future.succeededFuture(List.copyOf(t.consents().getOrDefault(personKey, List.of())));
    }

    public AccessLog accessLog() {
        return new AccessLog() {
            @Override
            public Future<Void> record(
                    String personKey, Principal actor, String action, String purpose, String subject, Instant at) {
                accessLog.add(Map.entry(
                        personKey,
                        new AccessLog.Entry(
                                at, actor.role().name(), actor.id(), actor.tenant(), action, purpose, subject)));
                return Future.succeededFuture();
            }

            @Override
            public Future<List<Entry>> forPerson(String personKey, int limit) {
                List<Entry> mine = new ArrayList<>(accessLogOf(personKey));
                java.util.Collections.reverse(mine);
                return Future.succeededFuture(mine.subList(0, Math.min(limit, mine.size())));
            }
        };
    }

    public SettlementStore settlementStore() {
        return s -> inTransaction(tx -> tx.settlements().storeIfAbsent(s));
    }

    public DirectSettlementStore directSettlementStore() {
        return new DirectSettlementStore() {
            @Override
            public Future<Optional<DirectSettlementRecord>> find(String setlId) {
                return Future.succeededFuture(
                        Optional.ofNullable(t.directSettlements().get(setlId)));
            }

            @Override
            public Future<DayActivity> day(String fixmedinsCode, LocalDate date) {
                throw new UnsupportedOperationException("statements are tested against PostgreSQL");
            }
        };
    }

    public ClaimStore claimStore() {
        return new ClaimStore() {
            @Override
            public Future<List<PatientClaim>> forPerson(String personKey) {
                return Future.succeededFuture(t.claims().values().stream()
                        .filter(c -> personKey.equals(c.personKey()))
                        .map(c -> new PatientClaim(
                                c.claimId(),
                                c.setlId(),
                                c.setlTime(),
                                c.insurerId(),
                                c.policyNo(),
                                c.channel(),
                                c.state(),
                                c.payout(),
                                Money.ZERO,
                                t.settlements().containsKey(c.setlId())
                                        ? t.settlements()
                                                .get(c.setlId())
                                                .settlement()
                                                .settlement()
                                                .setlinfo()
                                                .fixmedinsCode()
                                        : null))
                        .toList());
            }

            @Override
            public Future<Page> list(String insurerId, Filter filter, String cursor, int limit) {
                List<Claim> mine = t.claims().values().stream()
                        .filter(c -> c.insurerId().equals(insurerId))
                        .filter(c -> filter.state() == null || filter.state().equals(c.state()))
                        .filter(c ->
                                filter.policyNo() == null || filter.policyNo().equals(c.policyNo()))
                        .toList();
                return Future.succeededFuture(new Page(mine.subList(0, Math.min(limit, mine.size())), null));
            }

            @Override
            public Future<Optional<Claim>> get(String insurerId, String claimId) {
                return Future.succeededFuture(Optional.ofNullable(t.claims().get(claimId))
                        .filter(c -> c.insurerId().equals(insurerId)));
            }

            @Override
            public Future<Claim> markPaid(String insurerId, String claimId, String paymentRef, Instant paidAt) {
                Claim c = t.claims().get(claimId);
                if (c.state().equals(ClaimState.APPROVED.name())) {
                    c = with(c, ClaimState.PAID.name(), paidAt, paymentRef, null);
                    t.claims().put(claimId, c);
                    t.remitted().put(claimId, remitted(claimId).max(c.paysHospital()));
                }
                return Future.succeededFuture(c);
            }

            @Override
            public Future<Optional<QuickClaimContext>> quickClaimContext(String setlId, String policyNo) {
                StoredRow s = t.settlements().get(setlId);
                InsurerCatalogStore.StoredPolicy p = policies.get(policyNo);
                if (s == null || p == null || !s.personKey().equals(p.personKey())) {
                    return Future.succeededFuture(Optional.empty());
                }
                Map<String, Money> paid = new HashMap<>();
                t.claims().values().stream()
                        .filter(c -> c.setlId().equals(setlId) && !c.state().equals(ClaimState.REVERSED.name()))
                        .forEach(c -> {
                            for (LineOutcome l :
                                    t.claimResults().get(c.claimId()).lines()) {
                                paid.merge(l.feedetlSn(), l.paid(), Money::plus);
                            }
                        });
                return Future.succeededFuture(Optional.of(new QuickClaimContext(
                        new StoredDocument(
                                s.settlement().document(),
                                s.settlement().settlement().setlinfo().fixmedinsCode()),
                        t.refundDocuments().getOrDefault(setlId, List.of()),
                        paid)));
            }

            @Override
            public Future<Optional<Claim>> bySettlementAndPolicy(String setlId, String policyNo) {
                return Future.succeededFuture(bySettlementAndPolicyNow(setlId, policyNo));
            }
        };
    }

    public InsurerCatalogStore insurerCatalogStore() {
        return new InsurerCatalogStore() {
            @Override
            public Future<Optional<Published>> publishPlan(String insurerId, String planId, String document) {
                throw new UnsupportedOperationException("plans are tested against PostgreSQL");
            }

            @Override
            public Future<Optional<Published>> plan(String insurerId, String planId) {
                throw new UnsupportedOperationException("plans are tested against PostgreSQL");
            }

            @Override
            public Future<Optional<Published>> planVersion(String insurerId, String planId, int version) {
                throw new UnsupportedOperationException("plans are tested against PostgreSQL");
            }

            @Override
            public Future<Optional<Published>> publishListVersion(
                    String insurerId, ListVersion version, String document) {
                throw new UnsupportedOperationException("lists are tested against PostgreSQL");
            }

            @Override
            public Future<Optional<Published>> listVersion(String insurerId, String listId, String version) {
                throw new UnsupportedOperationException("lists are tested against PostgreSQL");
            }

            @Override
            public Future<PolicyBatch> insertPolicies(String insurerId, List<Policy> list) {
                list.forEach(InMemoryStores.this::withPolicy);
                return Future.succeededFuture(new PolicyBatch(list.size(), 0));
            }

            @Override
            public Future<Optional<StoredPolicy>> policy(String insurerId, String policyNo) {
                return Future.succeededFuture(Optional.ofNullable(policies.get(policyNo))
                        .filter(p -> p.policy().insurerId().equals(insurerId)));
            }
        };
    }

    public PatientStore patientStore() {
        return new PatientStore() {
            @Override
            public Future<List<InsurerCatalogStore.StoredPolicy>> policies(String personKey) {
                return Future.succeededFuture(policies.values().stream()
                        .filter(p -> p.personKey().equals(personKey))
                        .toList());
            }

            @Override
            public Future<Consent> grant(String personKey, Consent consent) {
                return inTransaction(tx -> {
                    withConsent(personKey, consent);
                    t.audit()
                            .add(new Audit(
                                    "PATIENT",
                                    "CONSENT_GRANTED",
                                    consent.id().toString(),
                                    Map.of(),
                                    consent.grantedAt()));
                    return Future.succeededFuture(consent);
                });
            }

            @Override
            public Future<Optional<Consent>> revoke(String personKey, UUID id, Instant now) {
                return inTransaction(tx -> {
                    List<Consent> mine = t.consents().getOrDefault(personKey, new ArrayList<>());
                    for (int i = 0; i < mine.size(); i++) {
                        Consent c = mine.get(i);
                        if (c.id().equals(id)) {
                            if (c.revokedAt() == null) {
                                c = new Consent(
                                        c.id(),
                                        c.insurerId(),
                                        c.purposes(),
                                        c.coversFrom(),
                                        c.expiresAt(),
                                        c.grantedAt(),
                                        now);
                                mine.set(i, c);
                                t.consentEvents().add("consent.revoked:" + c.insurerId() + ":" + id);
                            }
                            return Future.succeededFuture(Optional.of(c));
                        }
                    }
                    return Future.succeededFuture(Optional.<Consent>empty());
                });
            }
        };
    }

    public WebhookStore webhookStore() {
        return new WebhookStore() {
            @Override
            public Future<Void> setUrl(String insurerId, String url, String signatureAlg, Instant now) {
                webhooks.put(insurerId, new String[] {url, signatureAlg});
                return Future.succeededFuture();
            }

            @Override
            public Future<List<Event>> events(String insurerId, String state, int limit) {
                return Future.succeededFuture(webhookEvents.stream()
                        .filter(e -> e.getKey().equals(insurerId))
                        .map(Map.Entry::getValue)
                        .filter(e -> state == null || e.state().equals(state))
                        .limit(limit)
                        .toList());
            }

            @Override
            public Future<Boolean> replay(String insurerId, UUID id) {
                for (int i = 0; i < webhookEvents.size(); i++) {
                    var e = webhookEvents.get(i);
                    if (e.getKey().equals(insurerId)
                            && e.getValue().id().equals(id)
                            && e.getValue().state().equals("PARKED")) {
                        Event v = e.getValue();
                        webhookEvents.set(
                                i,
                                Map.entry(
                                        insurerId,
                                        new Event(
                                                v.id(),
                                                v.type(),
                                                v.orderingKey(),
                                                "PENDING",
                                                0,
                                                v.createdAt(),
                                                null,
                                                v.lastError(),
                                                v.payload())));
                        return Future.succeededFuture(true);
                    }
                }
                return Future.succeededFuture(false);
            }
        };
    }
}
