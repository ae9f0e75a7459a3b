package com.huibao.gateway.app.shared;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.PreAuthLedger;
import com.huibao.gateway.domain.preauth.PreAuthConsumption;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fee lines of a settlement that quote one of the gateway's approval numbers ({@code HBPA-…}), and what buying
 * them consumes ({@link PreAuthConsumption}, line by line, so that two lines under one approval add up). The first
 * refusal stops the whole settlement: a purchase beyond the quantity, after expiry, or against a denied approval is a
 * conflict (409); another drug, another person or an unknown number is a document that does not hold (422).
 */
public final class PreAuthPurchases {
    /** What the settlement consumes: each authorization as it becomes, and one use per line. */
    public record Consumption(List<PreAuthorization> after, List<PreAuthLedger.Use> uses) {}

    private PreAuthPurchases() {}

    /** The approval numbers the settlement's purchase lines quote (refunds and zero lines use nothing). */
    public static Set<String> numbers(Settlement s) {
        Set<String> out = new LinkedHashSet<>();
        for (FeeLine l : s.feedetail()) {
            if (quotes(l)) {
                out.add(l.preapprovalNo());
            }
        }
        return out;
    }

    public static Consumption consume(Settlement s, String personKey, Map<String, PreAuthorization> byNumber) {
        Map<String, PreAuthorization> current = new HashMap<>(byNumber);
        List<PreAuthLedger.Use> uses = new ArrayList<>();
        List<FeeLine> lines = s.feedetail();
        for (int i = 0; i < lines.size(); i++) {
            FeeLine l = lines.get(i);
            if (!quotes(l)) {
                continue;
            }
            PreAuthConsumption.Outcome o =
                    PreAuthConsumption.consume(current.get(l.preapprovalNo()), personKey, l, s.lineDate(l));
            if (o instanceof PreAuthConsumption.Refused r) {
                throw refusal(r, "feedetail[" + i + "].preapproval_no");
            }
            PreAuthConsumption.Consumed c = (PreAuthConsumption.Consumed) o;
            current.put(l.preapprovalNo(), c.after());
            uses.add(new PreAuthLedger.Use(c.after().id(), s.setlinfo().setlId(), l.feedetlSn(), c.quantity()));
        }
        List<PreAuthorization> after = new ArrayList<>();
        for (String no : numbers(s)) {
            after.add(current.get(no));
        }
        return new Consumption(after, uses);
    }

    /**
     * What the settlement's live uses of approvals keep once it stands net of its partial refunds: each use at most
     * its line's net quantity (a line refunded in full keeps nothing), so a box the patient gave back goes back to
     * its approval. Only the uses that change.
     */
    public static List<PreAuthLedger.KeptUse> afterRefund(Settlement net, List<PreAuthLedger.Use> uses) {
        Map<String, BigDecimal> netQuantity = new HashMap<>();
        for (FeeLine l : net.lines()) {
            netQuantity.put(l.feedetlSn(), l.cnt());
        }
        List<PreAuthLedger.KeptUse> out = new ArrayList<>();
        for (PreAuthLedger.Use u : uses) {
            BigDecimal left = netQuantity
                    .getOrDefault(u.feedetlSn(), BigDecimal.ZERO)
                    .max(BigDecimal.ZERO)
                    .min(u.quantity());
            if (left.compareTo(u.quantity()) < 0) {
                out.add(new PreAuthLedger.KeptUse(u, left));
            }
        }
        return out;
    }

    private static boolean quotes(FeeLine l) {
        return PreAuthorization.isGatewayNumber(l.preapprovalNo()) && l.cnt().signum() > 0;
    }

    private static RuntimeException refusal(PreAuthConsumption.Refused r, String field) {
        return switch (r.refusal()) {
            case PREAUTH_NOT_APPROVED, PREAUTH_EXPIRED, PREAUTH_QUANTITY_EXCEEDED ->
                new Failure.Conflict(r.refusal().name(), field + ": " + r.detail());
            default ->
                InvalidDocumentException.inconsistent(
                        List.of(new Violation(field, r.refusal().name(), r.detail())));
        };
    }
}
