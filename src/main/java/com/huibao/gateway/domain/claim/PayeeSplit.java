package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who each policy's payout goes to under direct settlement (SPEC §3.6): the insurers together pay the hospital
 * {@code min(Σ payouts, psn_cash_pay)}, taken from the policies in coordination order (the first payer's claim
 * covers the cash first), and pay the patient the rest. Per policy, {@code hospital + patient = payout}.
 */
public final class PayeeSplit {
    /** One policy's share for the hospital and for the patient. */
    public record Share(Money hospital, Money patient) {}

    private PayeeSplit() {}

    public static Map<String, Share> of(Adjudication a) {
        Map<String, Share> out = new LinkedHashMap<>();
        Money left = a.insurerPaysHospital();
        for (PolicyResult p : a.policies()) {
            Money hospital = p.payout().min(left);
            left = left.minus(hospital);
            out.put(p.policyNo(), new Share(hospital, p.payout().minus(hospital)));
        }
        return out;
    }
}
