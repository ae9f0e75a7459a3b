package com.huibao.gateway.domain.settlement;

/**
 * What a {@code setldetail} fund row is to the gateway (its {@code fund_pay_type} classified by the region's
 * profile): money of the basic insurance, the personal account, the hospital bearing part of the patient's share,
 * or compensation from elsewhere (commercial funds such as 620100, medical aid 610100, other funds).
 */
public enum FundKind {
    /** A basic-insurance fund (310100, 330101, 390100, …): part of {@code fund_pay_sumamt}, paid from the scope. */
    BASIC,
    /** The personal account (310200, 310201): part of {@code psn_part_amt}, the patient's own money. */
    ACCOUNT,
    /** Borne by the hospital (999996, 630100): {@code hosp_part_amt}, never the patient's. */
    HOSPITAL,
    /** Compensation from elsewhere inside {@code fund_pay_sumamt} (62xxxx, 999997, 610100, 640100). */
    OTHER_COMPENSATION
}
