package com.huibao.gateway.domain.payment;

import com.huibao.gateway.domain.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * An insurer's payment to one hospital or pharmacy (X12 835 / FHIR PaymentReconciliation practice): its own id, the
 * payee's institution code, the amount on the bank transfer, the value date, and what it pays claim by claim.
 */
public record PaymentBatch(String batchId, String payee, Money amount, LocalDate valueDate, List<Item> items) {

    /** One claim and the amount the batch pays on it. */
    public record Item(String claimId, Money amount) {}

    public PaymentBatch {
        items = List.copyOf(items);
    }
}
