package com.huibao.gateway.adapter.cli;

import com.huibao.gateway.codec.DialectsJson;
import com.huibao.gateway.codec.InstitutionDirectory;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ListCsv;
import com.huibao.gateway.codec.ListJson;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.codec.SettlementReader;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the offline commands read before any settlement: coverage lists ({@code --lists}, JSON or CSV), plans
 * ({@code --plans}, validated against those lists, in the order given), the regional profiles ({@code --profiles},
 * default {@code config/profiles}) and the institution registry ({@code --institutions}, default
 * {@code config/institutions}).
 */
record OfflineReference(
        ListCatalog lists, Map<String, Plan> plans, SettlementReader reader, Institutions institutions) {

    static OfflineReference load(Map<String, String> opts) throws IOException {
        List<ListVersion> versions = new ArrayList<>();
        if (opts.containsKey("lists")) {
            for (String file : opts.get("lists").split(",")) {
                byte[] bytes = Files.readAllBytes(Path.of(file.trim()));
                versions.addAll(
                        file.trim().endsWith(".csv") ? ListCsv.readAll(bytes) : ListJson.readAll(Json.parse(bytes)));
            }
        }
        ListCatalog lists = ListCatalog.of(versions);
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (String file : opts.get("plans").split(",")) {
            for (Plan p : PlanJson.readAll(Json.parse(Files.readAllBytes(Path.of(file.trim()))), lists::contains)) {
                plans.put(p.planId(), p);
            }
        }
        SettlementReader reader =
                new SettlementReader(DialectsJson.load(Path.of(opts.getOrDefault("profiles", "config/profiles"))));
        List<Path> dirs = new ArrayList<>();
        for (String dir :
                opts.getOrDefault("institutions", "config/institutions").split(",")) {
            dirs.add(Path.of(dir.trim()));
        }
        return new OfflineReference(lists, plans, reader, new InstitutionDirectory(dirs).current());
    }
}
