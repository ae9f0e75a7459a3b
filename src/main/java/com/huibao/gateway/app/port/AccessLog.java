package com.huibao.gateway.app.port;

import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Who read which patient's data, when, what and why: shown to the patient (SPEC §5, consent issue). */
public interface AccessLog {
    /** One read. */
    record Entry(
            Instant at,
            String actorRole,
            String actorId,
            String actorTenant,
            String action,
            String purpose,
            String subject) {}

    Future<Void> record(String personKey, Principal actor, String action, String purpose, String subject, Instant at);

    Future<List<Entry>> forPerson(String personKey, int limit);
}
