package com.huibao.gateway.domain.coverage;

import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** All coverage lists known to one adjudication, by list id, each with its versions. Immutable. */
public final class ListCatalog {
    private final Map<String, List<ListVersion>> byId;
    /** The same versions as arrays, latest {@code effective_from} first: the engine's hot path. */
    private final Map<String, ListVersion[]> newestFirst = new HashMap<>();

    private ListCatalog(Map<String, List<ListVersion>> byId) {
        this.byId = byId;
        byId.forEach((id, versions) -> newestFirst.put(id, versions.toArray(ListVersion[]::new)));
    }

    public static ListCatalog empty() {
        return new ListCatalog(Map.of());
    }

    /**
     * Builds a catalog; refuses duplicate (list, version) pairs and versions of one list whose windows overlap,
     * naming each offending version.
     */
    public static ListCatalog of(List<ListVersion> versions) {
        Map<String, List<ListVersion>> byId = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            ListVersion v = versions.get(i);
            List<ListVersion> siblings = byId.computeIfAbsent(v.listId(), k -> new ArrayList<>());
            for (ListVersion other : siblings) {
                if (other.version().equals(v.version())) {
                    violations.add(new Violation(
                            "[" + i + "].version",
                            "DUPLICATE_LIST_VERSION",
                            "list " + v.listId() + " version " + v.version() + " is defined twice"));
                } else if (other.overlaps(v)) {
                    violations.add(new Violation(
                            "[" + i + "].effective_from",
                            "OVERLAPPING_LIST_VERSIONS",
                            "list " + v.listId() + " version " + v.version() + " overlaps version " + other.version()));
                }
            }
            siblings.add(v);
        }
        if (!violations.isEmpty()) {
            throw InvalidDocumentException.inconsistent(violations);
        }
        byId.replaceAll((id, list) -> {
            list.sort(Comparator.comparing(ListVersion::effectiveFrom).reversed());
            return List.copyOf(list);
        });
        return new ListCatalog(Map.copyOf(byId));
    }

    public Set<String> listIds() {
        return byId.keySet();
    }

    public boolean contains(String listId) {
        return byId.containsKey(listId);
    }

    public List<ListVersion> versions(String listId) {
        return byId.getOrDefault(listId, List.of());
    }

    /** The version with the latest {@code effective_from} whose window holds the date, or null. */
    public ListVersion inForce(String listId, LocalDate date) {
        ListVersion[] versions = newestFirst.get(listId);
        if (versions != null) {
            for (int i = 0; i < versions.length; i++) {
                if (versions[i].inForce(date)) {
                    return versions[i];
                }
            }
        }
        return null;
    }

    public ListMatch match(String listId, LineContext line) {
        ListVersion v = inForce(listId, line.date());
        return v == null ? ListMatch.failed(MatchFailure.LIST_NOT_IN_FORCE) : v.match(line);
    }
}
