package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/me/access-log}: who read the patient's data, when, what and why; newest first. */
public final class GetMyAccessLogUseCase {
    public static final int LATEST = 500;

    private final AccessLog access;

    public GetMyAccessLogUseCase(AccessLog access) {
        this.access = access;
    }

    public Future<List<AccessLog.Entry>> execute(Principal patient) {
        return access.forPerson(patient.tenant(), LATEST);
    }
}
