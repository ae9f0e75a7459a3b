package com.huibao.gateway.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.institution.Institution;
import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads an institution registry file: {@code {"institutions": [{"fixmedins_code", "name", "hosp_lv", "admdvs",
 * "kind", "sets": [...]}], "codes": {"name": "fixmedins_code"}}}. An institution without a code takes the one
 * {@code codes} maps its name to (a published list names institutions, not codes: the mapping is configuration);
 * one still without a code is left out.
 */
public final class InstitutionsJson {
  private InstitutionsJson() {
  }

  public static List<Institution> read(JsonNode doc, Map<String, String> moreCodes) {
    Fields f = new Fields();
    JsonNode list = doc.isArray() ? doc : f.array(doc, "institutions", "institutions", true);
    Map<String, String> codes = new java.util.HashMap<>(moreCodes);
    doc.path("codes").fields().forEachRemaining(e -> codes.putIfAbsent(e.getKey(), e.getValue().asText()));
    List<Institution> out = new ArrayList<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        String at = "institutions[" + i + "].";
        JsonNode n = list.get(i);
        if (!n.isObject()) {
          f.add(at, "INVALID_TYPE", "an institution must be an object");
          continue;
        }
        String name = f.text(n, "name", at + "name", true);
        String code = f.text(n, "fixmedins_code", at + "fixmedins_code", false);
        if (code == null || code.isBlank()) {
          code = name == null ? null : codes.get(name);
        }
        InstitutionKind kind = Fields.enumValue(f, f.text(n, "kind", at + "kind", false), InstitutionKind.class,
            at + "kind");
        Institution inst = new Institution(code, name, f.text(n, "hosp_lv", at + "hosp_lv", false),
            f.text(n, "admdvs", at + "admdvs", false), kind,
            new HashSet<>(f.strings(n, "sets", at + "sets", List.of())));
        if (code != null && !code.isBlank()) {
          out.add(inst);
        }
      }
    }
    if (!f.ok()) {
      throw InvalidDocumentException.malformed(f.violations);
    }
    return out;
  }
}
