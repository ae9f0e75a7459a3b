package com.huibao.gateway.app.payment;

import com.huibao.gateway.app.port.RemittanceStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /v1/remittances}: the payment batches made out to the calling hospital or pharmacy. */
public final class ListRemittancesUseCase {
    private final RemittanceStore store;

    public ListRemittancesUseCase(RemittanceStore store) {
        this.store = store;
    }

    public Future<List<RemittanceStore.Remittance>> execute(Principal payee, LocalDate from, LocalDate to, int limit) {
        return store.forPayee(payee.tenant(), from, to, limit);
    }
}
