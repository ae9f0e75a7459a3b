package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.PolicyStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.policy.Policy;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Policies by person key; identity numbers are never read back in clear here. */
public final class PgPolicyStore implements PolicyStore {
    private final Pool pool;

    public PgPolicyStore(Pool pool) {
        this.pool = pool;
    }

    static Map<String, Money> deductibles(String json) {
        Map<String, Money> out = new LinkedHashMap<>();
        Json.parse(json)
                .fields()
                .forEachRemaining(
                        e -> out.put(e.getKey(), Money.parse(e.getValue().asText())));
        return out;
    }

    @Override
    public Future<List<Policy>> byPerson(String personKey, String certType, String certno) {
        return pool.preparedQuery("SELECT policy_no, plan_id, insurer_id, effective_from, effective_to, "
                        + "preexisting_conditions, edition, deductibles::text, claim_free_editions, preexisting FROM policies "
                        + "WHERE person_key = $1 AND psn_cert_type = $2 ORDER BY policy_no")
                .execute(Tuple.of(personKey, certType))
                .map(rows -> {
                    List<Policy> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Policy(
                                r.getString(0),
                                r.getString(1),
                                r.getString(2),
                                certType,
                                certno,
                                r.getLocalDate(3),
                                r.getLocalDate(4),
                                Arrays.asList(r.getArrayOfStrings(5)),
                                r.getString(6),
                                deductibles(r.getString(7)),
                                r.getInteger(8),
                                r.getBoolean(9)));
                    }
                    return out;
                });
    }
}
