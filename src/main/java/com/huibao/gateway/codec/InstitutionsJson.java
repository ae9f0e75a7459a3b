package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.institution.Institution;
import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads institution registry files: {@code {"institutions": [{"id", "fixmedins_code", "name", "hosp_lv", "admdvs",
 * "kind", "sets": [...]}], "codes": {"id or name": "fixmedins_code"}}} (either member may be absent). Published
 * lists name institutions, not codes, so an institution may come without a code and take the one {@code codes} gives
 * its {@code id} or name, in this file or another; {@link #resolve} leaves out those still without one.
 */
public final class InstitutionsJson {
    private InstitutionsJson() {}

    /** An institution as a file lists it: its code may be missing. */
    public record Listed(String id, Institution institution) {}

    /** What one file holds. */
    public record RegistryFile(List<Listed> institutions, Map<String, String> codes) {}

    public static RegistryFile read(JsonNode doc) {
        Fields f = new Fields();
        List<Listed> out = new ArrayList<>();
        Map<String, String> codes = new LinkedHashMap<>();
        if (!doc.isObject()) {
            f.add("", "INVALID_TYPE", "an institution file must be an object {institutions, codes}");
            throw InvalidDocumentException.malformed(f.violations);
        }
        doc.path("codes")
                .fields()
                .forEachRemaining(e -> codes.put(e.getKey(), e.getValue().asText()));
        JsonNode list = f.array(doc, "institutions", "institutions", false);
        for (int i = 0; list != null && i < list.size(); i++) {
            String at = "institutions[" + i + "].";
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                f.add(at, "INVALID_TYPE", "an institution must be an object");
                continue;
            }
            InstitutionKind kind =
                    Fields.enumValue(f, f.text(n, "kind", at + "kind", false), InstitutionKind.class, at + "kind");
            out.add(new Listed(
                    f.text(n, "id", at + "id", false),
                    new Institution(
                            f.text(n, "fixmedins_code", at + "fixmedins_code", false),
                            f.text(n, "name", at + "name", true),
                            f.text(n, "hosp_lv", at + "hosp_lv", false),
                            f.text(n, "admdvs", at + "admdvs", false),
                            kind,
                            new HashSet<>(f.strings(n, "sets", at + "sets", List.of())))));
        }
        if (!f.ok()) {
            throw InvalidDocumentException.malformed(f.violations);
        }
        return new RegistryFile(out, codes);
    }

    /** The institutions with a code: their own, else the one {@code codes} gives their id, else their name. */
    public static List<Institution> resolve(List<Listed> listed, Map<String, String> codes) {
        List<Institution> out = new ArrayList<>();
        for (Listed l : listed) {
            Institution i = l.institution();
            String code = i.code();
            if (code == null || code.isBlank()) {
                code = l.id() != null && codes.containsKey(l.id()) ? codes.get(l.id()) : codes.get(i.name());
            }
            if (code != null && !code.isBlank()) {
                out.add(new Institution(code, i.name(), i.level(), i.admdvs(), i.kind(), i.sets()));
            }
        }
        return out;
    }
}
