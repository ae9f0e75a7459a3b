package com.huibao.gateway.app.preauth;

import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.PreAuthStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.preauth.PreAuthState;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/pre-authorizations}: the insurer's review queue (by state), oldest first. An application whose
 * patient has not (or no longer) authorized the insurer for {@code PRE_AUTHORIZATION} is left out until they do.
 */
public final class ListPreAuthorizationsUseCase {
    public static final int MAX_PAGE = 500;

    private final PreAuthStore store;
    private final PreAuthAccess access;

    public ListPreAuthorizationsUseCase(
            PreAuthStore store, ConsentStore consents, ConsentRules rules, Clock clock, ZoneId zone) {
        this.store = store;
        this.access = new PreAuthAccess(consents, rules, clock, zone);
    }

    public Future<List<PreAuthorization>> execute(Principal insurer, PreAuthState state, int limit) {
        return store.forInsurer(insurer.tenant(), state, Math.min(Math.max(limit, 1), MAX_PAGE))
                .compose(all -> {
                    List<Future<Boolean>> visible = new ArrayList<>();
                    all.forEach(p -> visible.add(access.insurerMaySee(insurer, p)));
                    return Future.all(visible).map(v -> {
                        List<PreAuthorization> out = new ArrayList<>();
                        for (int i = 0; i < all.size(); i++) {
                            if (visible.get(i).result()) {
                                out.add(all.get(i));
                            }
                        }
                        return out;
                    });
                });
    }
}
