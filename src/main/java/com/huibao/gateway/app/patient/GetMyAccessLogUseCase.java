package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/me/access-log}: who read the patient's data, when, what and why; newest first, with names. */
public final class GetMyAccessLogUseCase {
    public static final int LATEST = 500;

    private final AccessLog access;
    private final Names names;

    public GetMyAccessLogUseCase(AccessLog access, Names names) {
        this.access = access;
        this.names = names;
    }

    /** An entry with the name of who read. */
    public record Read(AccessLog.Entry entry, String actorName) {}

    public Future<List<Read>> execute(Principal patient) {
        return access.forPerson(patient.tenant(), LATEST)
                .map(list -> list.stream()
                        .map(e -> new Read(
                                e,
                                Role.INSURER.name().equals(e.actorRole())
                                        ? names.insurer(e.actorTenant())
                                        : names.institution(e.actorTenant())))
                        .toList());
    }
}
