package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.adapter.crypto.Sm3;
import com.huibao.gateway.adapter.json.AdjudicationJson;
import com.huibao.gateway.adapter.json.Canonical;
import com.huibao.gateway.adapter.json.Json;
import com.huibao.gateway.adapter.json.SettlementJson;
import com.huibao.gateway.adapter.json.StatementJson;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.settlement.ConfirmDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.GetDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.PreviewDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.ReconciliationUseCase;
import com.huibao.gateway.app.settlement.ReverseDirectSettlementUseCase;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The hospital's direct-settlement operations (SPEC §1 flow 1). */
public final class HospitalHandlers {
  /** Response header carrying the SM3 digest of the canonical statement, in both JSON and CSV. */
  public static final String DIGEST_HEADER = "Huibao-Statement-SM3";

  private final PreviewDirectSettlementUseCase preview;
  private final ConfirmDirectSettlementUseCase confirm;
  private final GetDirectSettlementUseCase get;
  private final ReverseDirectSettlementUseCase reverse;
  private final ReconciliationUseCase reconciliation;

  public HospitalHandlers(PreviewDirectSettlementUseCase preview, ConfirmDirectSettlementUseCase confirm,
      GetDirectSettlementUseCase get, ReverseDirectSettlementUseCase reverse, ReconciliationUseCase reconciliation) {
    this.preview = preview;
    this.confirm = confirm;
    this.get = get;
    this.reverse = reverse;
    this.reconciliation = reconciliation;
  }

  void preview(RoutingContext rc) {
    Settlement s = SettlementJson.read(Bodies.tree(rc));
    preview.execute(RequestContext.principal(rc), s)
        .onSuccess(a -> OpsHandlers.json(rc, 200, AdjudicationJson.write(a).put("state", "PREVIEW")))
        .onFailure(rc::fail);
  }

  void confirm(RoutingContext rc) {
    StoredSettlement s = received(rc, "HOSPITAL");
    confirm.execute(RequestContext.principal(rc), rc.pathParam("setl_id"), s, s.contentHash())
        .onSuccess(response -> raw(rc, 200, response))
        .onFailure(rc::fail);
  }

  void get(RoutingContext rc) {
    get.execute(RequestContext.principal(rc), rc.pathParam("setl_id"))
        .onSuccess(r -> {
          ObjectNode body = (ObjectNode) Json.parse(r.confirmResponse());
          body.put("state", r.state());
          if (r.reversedAt() != null) {
            body.put("reversed_at", r.reversedAt().toString());
          }
          OpsHandlers.json(rc, 200, body);
        })
        .onFailure(rc::fail);
  }

  void reverse(RoutingContext rc) {
    reverse.execute(RequestContext.principal(rc), rc.pathParam("setl_id"))
        .onSuccess(response -> raw(rc, 200, response))
        .onFailure(rc::fail);
  }

  void reconciliation(RoutingContext rc) {
    LocalDate date = LocalDate.parse(rc.pathParam("date"));
    boolean csv = String.valueOf(rc.request().getHeader("Accept")).contains("text/csv");
    reconciliation.execute(RequestContext.principal(rc), date)
        .onSuccess(statement -> {
          ObjectNode body = StatementJson.body(statement);
          String digest = Sm3.hex(Canonical.bytes(body));
          rc.response().putHeader(DIGEST_HEADER, digest);
          if (csv) {
            Responses.end(rc, 200, "text/csv; charset=utf-8", Buffer.buffer(StatementJson.csv(statement, digest)));
          } else {
            body.putObject("digest").put("algorithm", "SM3").put("value", digest)
                .put("over", "canonical JSON of this statement without its digest member");
            OpsHandlers.json(rc, 200, body);
          }
        })
        .onFailure(rc::fail);
  }

  /** The request body as a settlement to store: parsed, as sent, and its canonical SM3 content hash. */
  static StoredSettlement received(RoutingContext rc, String source) {
    byte[] body = rc.body().buffer().getBytes();
    JsonNode doc = Bodies.tree(rc);
    Settlement s = SettlementJson.read(doc);
    return new StoredSettlement(s, new String(body, StandardCharsets.UTF_8), Sm3.hex(Canonical.bytes(doc)), source);
  }

  static void raw(RoutingContext rc, int status, String json) {
    Responses.end(rc, status, "application/json", Buffer.buffer(json));
  }
}
