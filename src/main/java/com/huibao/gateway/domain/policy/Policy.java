package com.huibao.gateway.domain.policy;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.DeductiblePool;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A commercial policy of one insured person (identified by certificate type and number), in force on
 * {@code [effectiveFrom, effectiveTo)}, with the person's status as enrolled.
 *
 * @param preexistingConditions ICD-10 prefixes: where a plan's terms decide pre-existing status by the claim's main
 *                              diagnosis, a diagnosis starting with one is pre-existing (既往症)
 * @param edition               the plan edition the policy was sold in; null = the base plan
 * @param deductibles           the policy's own deductible per pool, overriding the plan's; empty = none
 * @param claimFreeEditions     consecutive editions of the product the person held, this one included, with nothing
 *                              paid in the earlier ones: chooses the pools' deductible tier; null = unknown
 * @param preexisting           the person's pre-existing status fixed at enrolment (沪惠保: a property of the
 *                              person, whatever the claim's diagnosis); null = decided by
 *                              {@code preexistingConditions}
 */
public record Policy(
        String policyNo,
        String planId,
        String insurerId,
        String psnCertType,
        String certno,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        List<String> preexistingConditions,
        String edition,
        Map<String, Money> deductibles,
        Integer claimFreeEditions,
        Boolean preexisting) {

    public Policy {
        preexistingConditions = List.copyOf(preexistingConditions);
        deductibles = deductibles == null ? Map.of() : Map.copyOf(deductibles);
    }

    public Policy(
            String policyNo,
            String planId,
            String insurerId,
            String psnCertType,
            String certno,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            List<String> preexistingConditions,
            String edition,
            Map<String, Money> deductibles,
            Integer claimFreeEditions) {
        this(
                policyNo,
                planId,
                insurerId,
                psnCertType,
                certno,
                effectiveFrom,
                effectiveTo,
                preexistingConditions,
                edition,
                deductibles,
                claimFreeEditions,
                null);
    }

    public Policy(
            String policyNo,
            String planId,
            String insurerId,
            String psnCertType,
            String certno,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            List<String> preexistingConditions) {
        this(
                policyNo,
                planId,
                insurerId,
                psnCertType,
                certno,
                effectiveFrom,
                effectiveTo,
                preexistingConditions,
                null,
                Map.of(),
                null,
                null);
    }

    /** This policy's deductible for a pool of its plan: its own amount, else the tier for its claim-free editions. */
    public Money deductible(DeductiblePool pool) {
        Money own = deductibles.get(pool.id());
        return own != null ? own : pool.amountFor(claimFreeEditions);
    }

    public boolean inForce(LocalDate date) {
        return !date.isBefore(effectiveFrom) && date.isBefore(effectiveTo);
    }

    /**
     * Whether this claim is paid at the pre-existing ratio: the person's enrolled status when known, else whether
     * the main diagnosis starts with one of {@code preexistingConditions}.
     */
    public boolean isPreexisting(String mainDiagnosis) {
        if (preexisting != null) {
            return preexisting;
        }
        if (mainDiagnosis == null) {
            return false;
        }
        for (String prefix : preexistingConditions) {
            if (mainDiagnosis.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public boolean insures(String certType, String certNo) {
        return psnCertType.equals(certType) && certno.equals(certNo);
    }
}
