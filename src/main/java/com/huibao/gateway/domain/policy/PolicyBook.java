package com.huibao.gateway.domain.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of policies looked up by the insured person's identity (certificate type and number), for replays over a
 * city's policies: finding a patient's policies costs one hash lookup, not a pass over every policy.
 */
public final class PolicyBook {
    private final Map<String, List<Policy>> byPerson = new HashMap<>();

    public PolicyBook(Collection<Policy> policies) {
        for (Policy p : policies) {
            byPerson.computeIfAbsent(key(p.psnCertType(), p.certno()), k -> new ArrayList<>(1))
                    .add(p);
        }
    }

    /** The policies insuring this person, in the order they were given; empty when none. */
    public List<Policy> of(String certType, String certNo) {
        return byPerson.getOrDefault(key(certType, certNo), List.of());
    }

    private static String key(String certType, String certNo) {
        return certType + '\u0000' + certNo;
    }
}
