package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ListJson;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Plans and lists, cached in memory and reloaded when {@code catalog_state.version} moves (every plan or list write
 * bumps it, on any instance). The version is read at most once per {@code checkMillis}, so another instance's write
 * is seen within that time; this instance's own writes call {@link #invalidate()} and are seen at once.
 */
public final class PgCatalogStore implements CatalogStore {
    private final Pool pool;
    private final long checkMillis;
    private final LongSupplier millis;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<Future<Catalog>> loading = new AtomicReference<>();

    private record Snapshot(Catalog catalog, long checkedAt) {}

    public PgCatalogStore(Pool pool, long checkMillis, LongSupplier millis) {
        this.pool = pool;
        this.checkMillis = checkMillis;
        this.millis = millis;
    }

    @Override
    public Future<Catalog> current() {
        Snapshot s = snapshot.get();
        long now = millis.getAsLong();
        if (s != null && now - s.checkedAt() < checkMillis) {
            return Future.succeededFuture(s.catalog());
        }
        Future<Catalog> inFlight = loading.get();
        if (inFlight != null) {
            return inFlight;
        }
        Future<Catalog> f = pool.query("SELECT version FROM catalog_state WHERE id = 1")
                .execute()
                .compose(rows -> {
                    long version = rows.iterator().next().getLong(0);
                    if (s != null && s.catalog().version() == version) {
                        return Future.succeededFuture(s.catalog());
                    }
                    return load(version);
                })
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        snapshot.set(new Snapshot(ar.result(), now));
                    }
                    loading.set(null);
                });
        // Two callers may race past the check above and both reload: harmless, they build the same catalog.
        loading.set(f);
        return f;
    }

    /** Forget the cache: the next read reloads (after a write of this instance). */
    public void invalidate() {
        snapshot.set(null);
    }

    private Future<Catalog> load(long version) {
        Map<String, String> owners = new HashMap<>();
        Future<List<ListVersion>> lists = pool.query("SELECT document::text, list_id, insurer_id FROM list_versions")
                .execute()
                .map(rows -> {
                    List<ListVersion> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.addAll(ListJson.readAll(Json.parse(r.getString(0))));
                        owners.put(r.getString(1), r.getString(2));
                    }
                    return out;
                });
        Future<List<Row>> plans = pool.query("SELECT DISTINCT ON (plan_id) plan_id, version, document::text "
                        + "FROM plan_versions ORDER BY plan_id, version DESC")
                .execute()
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
        return Future.all(lists, plans)
                .map(all -> build(version, lists.result(), plans.result(), owners))
                .recover(e -> Future.failedFuture(
                        e instanceof InvalidDocumentException
                                ? new IllegalStateException(
                                        "a stored plan or list no longer reads: " + e.getMessage(), e)
                                : e));
    }

    private static Catalog build(
            long version, List<ListVersion> listVersions, List<Row> planRows, Map<String, String> owners) {
        {
            ListCatalog catalog = ListCatalog.of(listVersions);
            Map<String, Plan> byId = new HashMap<>();
            Map<String, Integer> versions = new HashMap<>();
            for (Row r : planRows) {
                byId.put(r.getString(0), PlanJson.read(Json.parse(r.getString(2)), id -> true));
                versions.put(r.getString(0), r.getInteger(1));
            }
            return new Catalog(version, byId, versions, catalog, owners);
        }
    }
}
