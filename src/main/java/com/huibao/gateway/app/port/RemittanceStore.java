package com.huibao.gateway.app.port;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;

/** What a hospital or pharmacy was paid: the batches made out to it, as their insurers were answered. */
public interface RemittanceStore {
    /** One batch: its insurer and the answer stored with it (JSON). */
    record Remittance(String insurerId, String response) {}

    /** Batches to the payee with a value date in [from, to], oldest first. */
    Future<List<Remittance>> forPayee(String payee, LocalDate from, LocalDate to, int limit);
}
