package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.LineBurden;
import com.huibao.gateway.domain.benefit.LineOutcome;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.ResponsibilityResult;
import com.huibao.gateway.domain.benefit.UnpaidPart;

/**
 * Writes an adjudication in the shape of the {@code expected-*.json} examples (amounts as strings with 2 decimals),
 * plus the explanation fields: {@code setl_id}, per-line burdens (with what the hospital bore and the compensation
 * from elsewhere), and per policy its plan, insurer, denial reason, line outcomes with every unpaid amount's reason
 * and the fact that decided it, and accumulators before/delta/after.
 */
public final class AdjudicationJson {
    private AdjudicationJson() {}

    public static ObjectNode write(Adjudication a) {
        ObjectNode o = Json.object();
        o.put("setl_id", a.setlId());
        ArrayNode policies = o.putArray("policies");
        for (PolicyResult p : a.policies()) {
            policies.add(policy(p));
        }
        o.put("payout_total", a.payoutTotal().toString());
        o.put("residual_self_pay", a.residualSelfPay().toString());
        o.put("insurer_pays_hospital", a.insurerPaysHospital().toString());
        o.put("patient_cash_due", a.patientCashDue().toString());
        o.put("insurer_pays_patient", a.insurerPaysPatient().toString());
        o.put("other_compensation", a.otherCompensation().toString());
        ArrayNode lines = o.putArray("lines");
        for (LineBurden b : a.burdens()) {
            ObjectNode l = lines.addObject();
            l.put("feedetl_sn", b.feedetlSn());
            l.put("in_list", b.inList().toString());
            l.put("out_of_list", b.outOfList().toString());
            l.put("burden", b.burden().toString());
            l.put("hospital_part", b.hospitalPart().toString());
            l.put("compensated", b.compensated().toString());
        }
        return o;
    }

    public static ObjectNode policy(PolicyResult p) {
        ObjectNode o = Json.object();
        o.put("policy_no", p.policyNo());
        o.put("plan_id", p.planId());
        o.put("insurer_id", p.insurerId());
        o.put("payout", p.payout().toString());
        o.put("reason", p.denialReason());
        o.put("reason_text", ReasonTexts.of(p.denialReason()));
        ArrayNode rs = o.putArray("responsibilities");
        for (ResponsibilityResult r : p.responsibilities()) {
            ObjectNode n = rs.addObject();
            n.put("id", r.id());
            n.put("eligible", r.eligible().toString());
            n.put("deductible", r.deductible().toString());
            n.put("ratio", r.ratio() == null ? null : r.ratio().toPlainString());
            n.put("payable", r.payable().toString());
            n.put("capped_by", r.cappedBy());
            n.put("compensation", r.compensation().toString());
            if (r.ownAmount() != null) {
                n.put("own_amount", r.ownAmount().toString());
            }
            ObjectNode lines = n.putObject("lines");
            r.lines().forEach((sn, amount) -> lines.put(sn, amount.toString()));
        }
        ArrayNode outcomes = o.putArray("line_outcomes");
        for (LineOutcome l : p.lines()) {
            ObjectNode n = outcomes.addObject();
            n.put("feedetl_sn", l.feedetlSn());
            n.put("in_list", l.inList().toString());
            n.put("out_of_list", l.outOfList().toString());
            n.put("paid", l.paid().toString());
            ArrayNode unpaid = n.putArray("unpaid");
            for (UnpaidPart u : l.unpaid()) {
                ObjectNode un = unpaid.addObject();
                un.put("reason", u.reason());
                un.put("reason_text", ReasonTexts.of(u.reason()));
                un.put("amount", u.amount().toString());
                un.put("responsibility", u.responsibility());
                if (u.limit() != null) {
                    un.put("limit", u.limit());
                }
                if (u.fact() != null) {
                    un.put("fact", u.fact());
                }
            }
        }
        ObjectNode acc = o.putObject("accumulators");
        acc.set("before", AccumulatorsJson.write(p.before()));
        acc.set("delta", AccumulatorsJson.write(p.delta()));
        acc.set("after", AccumulatorsJson.write(p.after()));
        return o;
    }
}
