package com.huibao.gateway.domain.reconciliation;

import com.huibao.gateway.domain.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hospital's settlements of a period, one by one, against the gateway's (对明细账): those only the gateway
 * holds, those only the hospital lists, and those whose state or amount differ.
 */
public final class DetailMatch {
    private DetailMatch() {}

    /** One settlement as the hospital lists it; a null amount was not sent. */
    public record Listed(String setlId, boolean reversed, Money insurerPaysHospital) {}

    public record Mismatch(String setlId, String field, String theirs, String ours) {}

    public record Result(List<SettlementFigure> onlyOurs, List<Listed> onlyTheirs, List<Mismatch> differing) {
        public boolean balanced() {
            return onlyOurs.isEmpty() && onlyTheirs.isEmpty() && differing.isEmpty();
        }
    }

    public static Result match(List<Listed> theirs, List<SettlementFigure> ours) {
        Map<String, SettlementFigure> byId = new LinkedHashMap<>();
        ours.forEach(s -> byId.put(s.setlId(), s));
        List<Listed> onlyTheirs = new ArrayList<>();
        List<Mismatch> differing = new ArrayList<>();
        for (Listed l : theirs) {
            SettlementFigure s = byId.remove(l.setlId());
            if (s == null) {
                onlyTheirs.add(l);
                continue;
            }
            if (l.reversed() != s.reversed()) {
                differing.add(new Mismatch(s.setlId(), "state", state(l.reversed()), state(s.reversed())));
            }
            if (l.insurerPaysHospital() != null && l.insurerPaysHospital().compareTo(s.insurerPaysHospital()) != 0) {
                differing.add(new Mismatch(
                        s.setlId(),
                        "insurer_pays_hospital",
                        l.insurerPaysHospital().toString(),
                        s.insurerPaysHospital().toString()));
            }
        }
        return new Result(List.copyOf(byId.values()), onlyTheirs, differing);
    }

    private static String state(boolean reversed) {
        return reversed ? "REVERSED" : "CONFIRMED";
    }
}
