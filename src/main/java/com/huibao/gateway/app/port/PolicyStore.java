package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.policy.Policy;
import io.vertx.core.Future;
import java.util.List;

/** Policies, found by the opaque person key of their insured. */
public interface PolicyStore {
    /** The person's policies; {@link Policy#certno()} is filled in from the identity the caller already holds. */
    Future<List<Policy>> byPerson(String personKey, String certType, String certno);
}
