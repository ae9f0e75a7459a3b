package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.consent.Consent;
import io.vertx.core.Future;
import java.util.List;

/** Patients' consents, by person key. */
public interface ConsentStore {
    Future<List<Consent>> forPerson(String personKey);
}
