package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.json.Json;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.settlement.IngestSettlementUseCase;
import io.vertx.ext.web.RoutingContext;

/** The medical-insurance data feed's intake. */
public final class DataFeedHandlers {
  private final IngestSettlementUseCase ingest;

  public DataFeedHandlers(IngestSettlementUseCase ingest) {
    this.ingest = ingest;
  }

  void ingest(RoutingContext rc) {
    StoredSettlement s = HospitalHandlers.received(rc, "DATA_FEED");
    ingest.execute(s)
        .onSuccess(intake -> OpsHandlers.json(rc, intake.created() ? 201 : 200, Json.object()
            .put("setl_id", s.settlement().setlinfo().setlId()).put("state", "RECEIVED")
            .put("received_at", intake.receivedAt().toString()).put("replay", !intake.created())))
        .onFailure(rc::fail);
  }
}
