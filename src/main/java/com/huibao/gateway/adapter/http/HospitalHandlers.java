package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.json.AdjudicationJson;
import com.huibao.gateway.adapter.json.Json;
import com.huibao.gateway.adapter.json.SettlementJson;
import com.huibao.gateway.app.settlement.PreviewDirectSettlementUseCase;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.ext.web.RoutingContext;

/** The hospital's direct-settlement operations. */
public final class HospitalHandlers {
  private final PreviewDirectSettlementUseCase preview;

  public HospitalHandlers(PreviewDirectSettlementUseCase preview) {
    this.preview = preview;
  }

  void preview(RoutingContext rc) {
    Settlement s = SettlementJson.read(Json.parse(rc.body().buffer().getBytes()));
    preview.execute(RequestContext.principal(rc), s)
        .onSuccess(a -> OpsHandlers.json(rc, 200, AdjudicationJson.write(a).put("state", "PREVIEW")))
        .onFailure(rc::fail);
  }
}
