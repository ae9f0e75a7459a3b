package com.huibao.gateway.app.port;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What insurers publish: plans (versioned), coverage-list versions (immutable) and policies. */
public interface InsurerCatalogStore {

    /** A stored document with its owner, version and publication time. */
    record Published(
            String id, String insurerId, String version, Instant publishedAt, String document, boolean created) {}

    /**
     * Publishes a plan document: a new version when it differs from the newest one, nothing when identical.
     *
     * @return empty when the plan id belongs to another insurer
     */
    Future<Optional<Published>> publishPlan(String insurerId, String planId, String document);

    /** The newest version of a plan, if it exists and belongs to the insurer. */
    Future<Optional<Published>> plan(String insurerId, String planId);

    /** One published version of a plan (the one a claim names), if it exists and the plan belongs to the insurer. */
    Future<Optional<Published>> planVersion(String insurerId, String planId, int version);

    /**
     * Publishes a list version (immutable once published: the identical document again is a no-op).
     *
     * @return empty when the list id belongs to another insurer
     * @throws Failure.Conflict (failed future) for another document under a published version
     * @throws InvalidDocumentException (failed future) when its window overlaps
     *     another version's
     */
    Future<Optional<Published>> publishListVersion(String insurerId, ListVersion version, String document);

    Future<Optional<Published>> listVersion(String insurerId, String listId, String version);

    /** Outcome of a policy batch. */
    record PolicyBatch(int created, int unchanged) {}

    /**
     * Stores the policies, all or none. Existing identical policies of this insurer are left as they are.
     *
     * @throws InvalidDocumentException (failed future) naming each row whose
     *     policy_no is taken by a different policy
     */
    Future<PolicyBatch> insertPolicies(String insurerId, List<Policy> policies);

    /** A stored policy as its insurer may see it: identity number masked. */
    record StoredPolicy(Policy policy, String certnoMasked, Instant createdAt, String personKey) {}

    Future<Optional<StoredPolicy>> policy(String insurerId, String policyNo);
}
