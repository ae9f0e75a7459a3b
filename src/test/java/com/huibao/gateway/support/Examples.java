package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.AccumulatorsJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ListJson;
import com.huibao.gateway.codec.PlanJson;
import com.huibao.gateway.codec.PolicyJson;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The worked examples of {@code shared/examples}, copied under {@code src/test/resources/examples}. */
public final class Examples {
    private Examples() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        return Json.parse(bytes(name));
    }

    public static Path path(String name) {
        try {
            return Path.of(Examples.class.getResource("/examples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ListCatalog lists() {
        return ListCatalog.of(ListJson.readAll(json("lists.json")));
    }

    public static Map<String, Plan> plans() {
        return PlanJson.readAll(json("plans.json"), lists()::contains).stream()
                .collect(Collectors.toMap(Plan::planId, Function.identity()));
    }

    public static List<Policy> policies() {
        return PolicyJson.readAll(json("policies.json"));
    }

    public static Settlement settlement(String name) {
        return Readers.settlement(json(name));
    }

    public static Map<String, Accumulators> accumulatorsAfter1() {
        return AccumulatorsJson.readAll(json("accumulators-after-1.json"));
    }
}
