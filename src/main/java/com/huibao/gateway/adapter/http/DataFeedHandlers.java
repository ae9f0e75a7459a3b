package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.http.json.HospitalResponses;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.settlement.IngestSettlementUseCase;
import com.huibao.gateway.codec.SettlementReader;
import io.vertx.ext.web.RoutingContext;

/** The medical-insurance data feed's intake. */
public final class DataFeedHandlers {
    private final IngestSettlementUseCase ingest;
    private final SettlementReader reader;

    public DataFeedHandlers(IngestSettlementUseCase ingest, SettlementReader reader) {
        this.ingest = ingest;
        this.reader = reader;
    }

    /** The data feed has no institution of its own: its settlements name theirs. */
    void ingest(RoutingContext rc) {
        StoredSettlement s = HospitalHandlers.received(rc, reader, "DATA_FEED", null);
        ingest.execute(s)
                .onSuccess(intake -> Responses.json(
                        rc,
                        intake.created() ? 201 : 200,
                        HospitalResponses.intake(s.settlement().setlinfo().setlId(), intake)))
                .onFailure(rc::fail);
    }
}
