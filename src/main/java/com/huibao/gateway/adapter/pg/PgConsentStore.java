package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.Purpose;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Consents by person key. */
public final class PgConsentStore implements ConsentStore {
    private final Pool pool;

    public PgConsentStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<List<Consent>> forPerson(String personKey) {
        return pool.preparedQuery("SELECT id, insurer_id, purposes, covers_from, expires_at, granted_at, revoked_at "
                        + "FROM consents WHERE person_key = $1 ORDER BY granted_at")
                .execute(Tuple.of(personKey))
                .map(rows -> {
                    List<Consent> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(read(r));
                    }
                    return out;
                });
    }

    static Consent read(Row r) {
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        for (String p : r.getArrayOfStrings(2)) {
            purposes.add(Purpose.valueOf(p));
        }
        OffsetDateTime revoked = r.getOffsetDateTime(6);
        return new Consent(
                r.getUUID(0),
                r.getString(1),
                purposes,
                r.getLocalDate(3),
                r.getOffsetDateTime(4).toInstant(),
                r.getOffsetDateTime(5).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
