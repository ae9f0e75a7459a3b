package com.huibao.gateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void contract_declares_problem_json_for_clients() {
    assertThat(ContractLoader.raw().encode()).contains("application/problem+json");
  }

  /**
   * Pins vertx-openapi 5.0.x's refusal of application/problem+json (issues #107, #122). When an upgrade makes this
   * fail, the stand-ins of ContractLoader can go.
   */
  @Test
  void vertx_openapi_5_0_still_refuses_the_contract_as_written() {
    JsonObject raw = ContractLoader.raw();
    Throwable failure = OpenAPIContract.from(vertx, raw).toCompletionStage().toCompletableFuture()
        .handle((c, e) -> e).join();
    assertThat(failure).as("the raw contract loaded: remove the media-type stand-ins").isNotNull();
  }

  @Test
  void contract_with_stand_ins_loads_and_every_operation_is_bound() throws Exception {
    OpenAPIContract contract = ContractLoader.load(vertx).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    Set<String> ids = new HashSet<>();
    Set<String> sheddable = new HashSet<>();
    for (Path p : contract.getPaths()) {
      for (Operation op : p.getOperations()) {
        ids.add(op.getOperationId());
        assertThat(op.getOpenAPIModel().containsKey("security") && op.getSecurityRequirements().isEmpty()
            || op.getOpenAPIModel().containsKey("x-roles"))
            .as(op.getOperationId() + " must be public (security: []) or list its x-roles").isTrue();
        if (!InFlightLimit.neverShed(op.getOpenAPIPath())) {
          sheddable.add(op.getOperationId());
          assertThat(op.getOpenAPIModel().getJsonObject("responses").containsKey("503"))
              .as(op.getOperationId() + " can be refused 503 OVERLOADED, so its contract must list 503").isTrue();
        }
      }
    }
    assertThat(ids).isEqualTo(new HttpApi(null, null, null, null, null, null, null, 0, 1, null, null, null, null, null,
        null, null, null).operations().keySet());
    assertThat(sheddable).as("load shedding covers the API")
        .contains("previewDirectSettlement", "confirmDirectSettlement", "createQuickClaim");
  }
}
