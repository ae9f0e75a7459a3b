package com.huibao.gateway.domain.preauth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A pre-authorization (特药申请): an application for a specialty drug under one policy, reviewed by the policy's
 * insurer, and once approved a quantity to be bought within a window, consumed by purchases. Quantities are in the
 * units of the fee lines' {@code cnt} (boxes, vials).
 *
 * @param approvalNo the number purchases quote as {@code preapproval_no}; null until approved
 * @param documents content hashes (SHA-256, hex) of the prescription and other documents, never the documents
 * @param requestedBy who applied, as {@code ROLE:tenant}
 * @param quantityUsed what purchases consumed (live ones: a reversal gives it back)
 */
public record PreAuthorization(
        UUID id,
        String approvalNo,
        String insurerId,
        String policyNo,
        String personKey,
        DrugRef drug,
        BigDecimal quantityRequested,
        int daysSupply,
        String diagnosis,
        String prescriber,
        List<String> documents,
        String requestedBy,
        PreAuthState state,
        BigDecimal quantityApproved,
        BigDecimal quantityUsed,
        LocalDate validFrom,
        LocalDate validTo,
        String reason,
        Instant requestedAt,
        Instant decidedAt) {

    /** The prefix of the gateway's approval numbers: a {@code preapproval_no} with it must name one of them. */
    public static final String APPROVAL_PREFIX = "HBPA-";

    public PreAuthorization {
        documents = List.copyOf(documents);
        if (quantityRequested.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }

    /** A new application. */
    public static PreAuthorization requested(
            UUID id,
            String insurerId,
            String policyNo,
            String personKey,
            DrugRef drug,
            BigDecimal quantity,
            int daysSupply,
            String diagnosis,
            String prescriber,
            List<String> documents,
            String requestedBy,
            Instant at) {
        return new PreAuthorization(
                id,
                null,
                insurerId,
                policyNo,
                personKey,
                drug,
                quantity,
                daysSupply,
                diagnosis,
                prescriber,
                documents,
                requestedBy,
                PreAuthState.REQUESTED,
                null,
                BigDecimal.ZERO,
                null,
                null,
                null,
                at,
                null);
    }

    /** The approval number of this authorization: the gateway's prefix and the last 16 hex digits of its id. */
    public String approvalNumber() {
        return APPROVAL_PREFIX + id.toString().replace("-", "").substring(16).toUpperCase(Locale.ROOT);
    }

    /** Whether a {@code preapproval_no} names a pre-authorization of the gateway (rather than an outside one). */
    public static boolean isGatewayNumber(String preapprovalNo) {
        return preapprovalNo != null && preapprovalNo.startsWith(APPROVAL_PREFIX);
    }

    /** The state on a day: an APPROVED one whose window has passed is EXPIRED. */
    public PreAuthState stateOn(LocalDate day) {
        return state == PreAuthState.APPROVED && validTo != null && day.isAfter(validTo) ? PreAuthState.EXPIRED : state;
    }

    public BigDecimal remaining() {
        return quantityApproved == null ? BigDecimal.ZERO : quantityApproved.subtract(quantityUsed);
    }

    PreAuthorization with(
            PreAuthState s,
            String no,
            BigDecimal approved,
            LocalDate from,
            LocalDate to,
            String why,
            Instant decided,
            BigDecimal used) {
        return new PreAuthorization(
                id,
                no,
                insurerId,
                policyNo,
                personKey,
                drug,
                quantityRequested,
                daysSupply,
                diagnosis,
                prescriber,
                documents,
                requestedBy,
                s,
                approved,
                used,
                from,
                to,
                why,
                requestedAt,
                decided);
    }

    /** The same authorization with {@code quantityUsed} moved by {@code delta} (a purchase, or its reversal). */
    public PreAuthorization used(BigDecimal delta) {
        return with(
                state, approvalNo, quantityApproved, validFrom, validTo, reason, decidedAt, quantityUsed.add(delta));
    }
}
