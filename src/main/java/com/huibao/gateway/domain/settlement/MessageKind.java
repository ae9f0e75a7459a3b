package com.huibao.gateway.domain.settlement;

/** What kind of national message a settlement came in as (kept with it as provenance). */
public enum MessageKind {
    /** The flat document of the gateway's own examples ({@code setlinfo}, {@code diseinfo}, {@code feedetail}). */
    FLAT,
    /** A settlement output (2207 outpatient, 2304 inpatient) as a bundle. */
    SETTLEMENT,
    /** A pre-settlement (2206, 2303): never confirmed or paid. */
    PRE_SETTLEMENT,
    /** A settlement query of the data feed (5203/5204/5202, 5261/5262). */
    QUERY,
    /** A reversal (2208, 2305): cancels a settlement, never one itself. */
    REVERSAL,
    /** Any other {@code infno}. */
    OTHER,
    /** Costs not settled by basic insurance, on an invoice or receipt. */
    INVOICE,
    /** A purchase receipt (a designated pharmacy's sale without a basic-insurance settlement): all self-paid. */
    RECEIPT
}
