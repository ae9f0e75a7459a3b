package com.huibao.gateway.domain.payment;

/** What a payment did with one of its items. */
public enum RemittanceOutcome {
    /** Paid exactly what was outstanding: the claim is PAID. */
    PAID,
    /** Less than outstanding: applied, the claim stays APPROVED with the rest outstanding. */
    PARTIAL,
    /** More than outstanding: the outstanding part applied, the claim PAID, the excess unapplied. */
    OVERPAID,
    /** The claim owes the payee nothing (it pays the patient): nothing applied. */
    NOTHING_OWED,
    /** The claim was already paid in full: nothing applied. */
    ALREADY_PAID,
    /** The claim was reversed (冲正): nothing applied, the money is owed back. */
    CLAIM_REVERSED,
    /** No claim of this insurer has that id: nothing applied. */
    UNKNOWN_CLAIM
}
