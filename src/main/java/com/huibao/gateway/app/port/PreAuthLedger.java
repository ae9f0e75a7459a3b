package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pre-authorizations inside a transaction. An authorization is locked before it is decided or consumed, so that
 * concurrent purchases against one approval consume it one after the other and never beyond its quantity.
 */
public interface PreAuthLedger {
    /** One fee line's use of an authorization. */
    record Use(UUID preAuthorizationId, String setlId, String feedetlSn, BigDecimal quantity) {}

    Future<Void> insert(PreAuthorization p);

    Future<Optional<PreAuthorization>> lock(UUID id);

    /** Locks the authorizations with these approval numbers (in order) and returns them by number. */
    Future<Map<String, PreAuthorization>> lockByApprovalNos(Collection<String> approvalNos);

    /** Stores the authorization as the domain left it (state, decision, quantity used). */
    Future<Void> update(PreAuthorization p);

    Future<Void> recordUses(List<Use> uses, Instant at);

    /** The settlement's live uses (not reversed), with their authorizations locked. */
    Future<List<Use>> lockUses(String setlId);

    /** Gives back what the settlement's live uses consumed, and marks them reversed. */
    Future<Void> reverseUses(String setlId);

    /**
     * A live use as a partial refund leaves it: the quantity it keeps (zero when its line was refunded in full, and
     * the use is then marked reversed); the rest goes back to its authorization.
     */
    record KeptUse(Use use, BigDecimal quantity) {
        public BigDecimal returned() {
            return use.quantity().subtract(quantity);
        }
    }

    /** Lowers each use to the quantity it keeps and gives the difference back to its authorization. */
    Future<Void> keepUses(List<KeptUse> kept);
}
