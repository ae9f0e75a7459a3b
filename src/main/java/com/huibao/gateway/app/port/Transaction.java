package com.huibao.gateway.app.port;

/** What a use case may read and write inside one transaction ({@link Transactions}). */
public interface Transaction {
    SettlementLedger settlements();

    DirectSettlementLedger directSettlements();

    ClaimLedger claims();

    AccumulatorLedger accumulators();

    EventOutbox outbox();

    AuditTrail audit();

    PreAuthLedger preAuthorizations();

    PaymentLedger payments();

    RefundLedger refunds();
}
