package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.benefit.Accumulators;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;

/** What each policy has consumed in its year (SPEC §3.7). */
public interface AccumulatorStore {
    /** Accumulators by policy_no; policies without any are absent (= empty). */
    Future<Map<String, Accumulators>> of(Collection<String> policyNos);
}
