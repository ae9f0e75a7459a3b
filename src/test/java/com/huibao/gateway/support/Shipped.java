package com.huibao.gateway.support;

import com.huibao.gateway.codec.InstitutionDirectory;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ListCsv;
import com.huibao.gateway.codec.ListJson;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the gateway ships in {@code config/}: the plans, the coverage lists and the institution registry. */
public final class Shipped {
    private Shipped() {}

    public static ListCatalog lists() {
        List<ListVersion> versions = new ArrayList<>();
        for (Path f : files(Path.of("config/lists"))) {
            try {
                byte[] bytes = Files.readAllBytes(f);
                versions.addAll(
                        f.toString().endsWith(".csv") ? ListCsv.readAll(bytes) : ListJson.readAll(Json.parse(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ListCatalog.of(versions);
    }

    /** Every shipped plan by id (editions inside their base plan). */
    public static Map<String, Plan> plans() {
        ListCatalog lists = lists();
        Map<String, Plan> out = new LinkedHashMap<>();
        for (Path f : files(Path.of("config/plans"))) {
            try {
                for (Plan p : PlanJson.readAll(Json.parse(Files.readAllBytes(f)), lists::contains)) {
                    out.put(p.planId(), p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Every shipped plan and each of its editions, as a policy of that edition would see it. */
    public static List<Plan> plansAndEditions() {
        List<Plan> out = new ArrayList<>();
        for (Plan p : plans().values()) {
            out.add(p);
            out.addAll(p.editions().values());
        }
        return out;
    }

    public static Institutions institutions() {
        return new InstitutionDirectory(List.of(Path.of("config/institutions"))).current();
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
