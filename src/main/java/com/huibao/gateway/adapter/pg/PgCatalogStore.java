package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.PlanVersion;
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
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Plans and lists, cached in memory and reloaded when {@code catalog_state.version} moves (every plan or list write
 * bumps it, on any instance). The version is read at most once per {@code checkMillis}, so another instance's write
 * is seen within that time; this instance's own writes call {@link #invalidate()} and are seen at once.
 */
public final class PgCatalogStore implements CatalogStore {
    private static final int KEPT_VERSIONS = 1_000;

    private final Pool pool;
    private final long checkMillis;
    private final LongSupplier millis;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<Future<Catalog>> loading = new AtomicReference<>();
    /** Versions read by {@link #plansAt} that are no longer the newest: they never change, so they are kept. */
    private final Map<PlanVersion, Plan> replaced = new ConcurrentHashMap<>();

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

    /**
     * The newest versions come from the catalog in memory; older ones are read once from {@code plan_versions} and
     * kept (at most {@value #KEPT_VERSIONS}: a version past that is read again when asked).
     */
    @Override
    public Future<Map<PlanVersion, Plan>> plansAt(Set<PlanVersion> versions) {
        return current().compose(now -> {
            Map<PlanVersion, Plan> found = new HashMap<>();
            List<PlanVersion> missing = new ArrayList<>();
            for (PlanVersion v : versions) {
                Integer newest = now.planVersions().get(v.planId());
                Plan p = newest != null && newest == v.version() ? now.plans().get(v.planId()) : replaced.get(v);
                if (p != null) {
                    found.put(v, p);
                } else {
                    missing.add(v);
                }
            }
            if (missing.isEmpty()) {
                return Future.succeededFuture(found);
            }
            return pool.preparedQuery("SELECT plan_id, version, document::text FROM plan_versions "
                            + "WHERE (plan_id, version) IN (SELECT * FROM unnest($1::text[], $2::int[]))")
                    .execute(Tuple.tuple()
                            .addArrayOfString(
                                    missing.stream().map(PlanVersion::planId).toArray(String[]::new))
                            .addArrayOfInteger(
                                    missing.stream().map(PlanVersion::version).toArray(Integer[]::new)))
                    .map(rows -> {
                        for (Row r : rows) {
                            PlanVersion v = new PlanVersion(r.getString(0), r.getInteger(1));
                            Plan p = PlanJson.read(Json.parse(r.getString(2)), id -> true);
                            if (replaced.size() < KEPT_VERSIONS) {
                                replaced.put(v, p);
                            }
                            found.put(v, p);
                        }
                        return found;
                    })
                    .recover(PgCatalogStore::unreadable);
        });
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
                .recover(PgCatalogStore::unreadable);
    }

    private static <T> Future<T> unreadable(Throwable e) {
        return Future.failedFuture(
                e instanceof InvalidDocumentException
                        ? new IllegalStateException("a stored plan or list no longer reads: " + e.getMessage(), e)
                        : e);
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
