package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.settlement.FundKind;
import com.huibao.gateway.domain.settlement.Identity;
import com.huibao.gateway.domain.settlement.MessageKind;
import com.huibao.gateway.domain.settlement.ValidationProfile;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the regional profiles ({@code config/profiles/*.json}, docs/SETTLEMENTS.md): one file per profile, a profile
 * may {@code extend} another (its maps merged key by key, its lists replacing). The profile without regions is the
 * national default. Without a directory, the copies shipped inside the jar are read.
 */
public final class DialectsJson {
    /** The profiles shipped with the gateway, also inside the jar under {@code profiles/}. */
    static final List<String> SHIPPED = List.of("national.json", "shanghai.json", "hainan.json", "chongqing.json");

    private static final Set<String> MERGED = Set.of("aliases", "med_types", "fund_types", "message_kinds");

    private DialectsJson() {}

    /** The profiles of {@code dir} when it exists, else those shipped in the jar. */
    public static Dialects load(Path dir) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    JsonNode doc = Json.parse(Files.readAllBytes(p));
                    raw.put(doc.path("name").asText(p.getFileName().toString().replace(".json", "")), doc);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            for (String name : SHIPPED) {
                try (InputStream in = DialectsJson.class.getResourceAsStream("/profiles/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the jar has no profiles/" + name);
                    }
                    JsonNode doc = Json.parse(in.readAllBytes());
                    raw.put(doc.path("name").asText(), doc);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return of(raw);
    }

    /** Profiles from their documents by name. */
    public static Dialects of(Map<String, JsonNode> raw) {
        List<Dialect> regional = new ArrayList<>();
        Dialect national = null;
        for (String name : raw.keySet()) {
            Dialect d = dialect(name, resolve(name, raw, new HashSet<>()));
            if (d.regions().isEmpty()) {
                if (national != null) {
                    throw new IllegalArgumentException("profiles " + national.name() + " and " + name + " both have no "
                            + "regions: exactly one profile is the national default");
                }
                national = d;
            } else {
                regional.add(d);
            }
        }
        if (national == null) {
            throw new IllegalArgumentException("no profile without regions: one must be the national default");
        }
        return new Dialects(regional, national);
    }

    private static ObjectNode resolve(String name, Map<String, JsonNode> raw, Set<String> seen) {
        JsonNode doc = raw.get(name);
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("profile " + name + " is not defined");
        }
        if (!seen.add(name)) {
            throw new IllegalArgumentException("profile " + name + " extends itself");
        }
        String parent = doc.path("extends").asText(null);
        if (parent == null) {
            return (ObjectNode) doc;
        }
        ObjectNode merged = resolve(parent, raw, seen).deepCopy();
        merged.remove("regions");
        Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (MERGED.contains(e.getKey())
                    && merged.path(e.getKey()).isObject()
                    && e.getValue().isObject()) {
                merge((ObjectNode) merged.get(e.getKey()), (ObjectNode) e.getValue());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    /** Objects merged key by key (nested objects too); anything else replaced. */
    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            if (into.path(e.getKey()).isObject() && e.getValue().isObject()) {
                merge((ObjectNode) into.get(e.getKey()), (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private static Dialect dialect(String name, ObjectNode p) {
        Fields f = new Fields();
        List<String> regions = f.strings(p, "regions", "regions", List.of());
        Set<Identity> identities = EnumSet.noneOf(Identity.class);
        JsonNode ids = p.get("identities");
        if (ids == null || ids.isNull()) {
            identities = EnumSet.allOf(Identity.class);
        } else {
            for (String id : f.strings(p, "identities", "identities", List.of())) {
                Identity i = Fields.enumValue(f, id, Identity.class, "identities");
                if (i != null) {
                    identities.add(i);
                }
            }
        }
        Map<String, Map<String, List<String>>> aliases = new LinkedHashMap<>();
        p.path("aliases").fields().forEachRemaining(section -> {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            section.getValue()
                    .fields()
                    .forEachRemaining(field -> fields.put(
                            field.getKey(),
                            f.strings(
                                    section.getValue(),
                                    field.getKey(),
                                    "aliases." + section.getKey() + "." + field.getKey(),
                                    List.of())));
            aliases.put(section.getKey(), fields);
        });
        Map<String, String> medTypes = new LinkedHashMap<>();
        p.path("med_types")
                .fields()
                .forEachRemaining(e -> medTypes.put(e.getKey(), e.getValue().asText()));
        Map<String, FundKind> funds = new LinkedHashMap<>();
        p.path("fund_types").fields().forEachRemaining(e -> {
            FundKind k = Fields.enumValue(f, e.getValue().asText(), FundKind.class, "fund_types." + e.getKey());
            if (k != null) {
                funds.put(e.getKey(), k);
            }
        });
        Map<String, MessageKind> kinds = new LinkedHashMap<>();
        p.path("message_kinds").fields().forEachRemaining(e -> {
            MessageKind k =
                    Fields.enumValue(f, e.getValue().asText(), MessageKind.class, "message_kinds." + e.getKey());
            if (k != null) {
                kinds.put(e.getKey(), k);
            }
        });
        FundKind defaultFund =
                Fields.enumValue(f, p.path("fund_type_default").asText("BASIC"), FundKind.class, "fund_type_default");
        boolean blankIsZero = "zero".equals(p.path("blank_amounts").asText("absent"));
        boolean nullIsZero = "zero".equals(p.path("null_amounts").asText("absent"));
        Dialect d = new Dialect(
                name,
                regions,
                new ValidationProfile(name, regions, identities),
                aliases,
                blankIsZero,
                nullIsZero,
                Set.copyOf(f.strings(p, "blank_amounts_except", "blank_amounts_except", List.of())),
                Set.copyOf(f.strings(p, "null_amounts_except", "null_amounts_except", List.of())),
                medTypes,
                formats(f, p, "date_time_formats"),
                formats(f, p, "date_formats"),
                funds,
                defaultFund,
                kinds);
        if (!f.ok()) {
            throw InvalidDocumentException.malformed(f.violations);
        }
        return d;
    }

    private static List<DateTimeFormatter> formats(Fields f, JsonNode p, String member) {
        List<DateTimeFormatter> out = new ArrayList<>();
        for (String pattern : f.strings(p, member, member, List.of())) {
            try {
                out.add(DateTimeFormatter.ofPattern(pattern));
            } catch (IllegalArgumentException e) {
                f.add(
                        member,
                        "INVALID_PATTERN",
                        member + ": " + pattern + " is not a date-time pattern: " + e.getMessage());
            }
        }
        return out;
    }
}
