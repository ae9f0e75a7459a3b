package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.ReconciliationResponses;
import com.huibao.gateway.app.reconciliation.ExportPeriodUseCase;
import com.huibao.gateway.app.reconciliation.ReconcileDetailsUseCase;
import com.huibao.gateway.app.reconciliation.ReconcileTotalsUseCase;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.reconciliation.DetailMatch;
import com.huibao.gateway.domain.reconciliation.TotalsCheck;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reconciliation as hospitals push it: period totals, then settlement by settlement; the period's detail file. */
public final class ReconciliationHandlers {
    /** The use cases, one per operation. */
    public record UseCases(
            ReconcileTotalsUseCase totals, ReconcileDetailsUseCase details, ExportPeriodUseCase export) {}

    private final UseCases cases;

    public ReconciliationHandlers(UseCases cases) {
        this.cases = cases;
    }

    void totals(RoutingContext rc) {
        JsonNode b = Bodies.tree(rc);
        ReconcileTotalsUseCase.Question q = new ReconcileTotalsUseCase.Question(
                RequestValues.date(b.path("stmt_begndate").asText(), "stmt_begndate"),
                RequestValues.date(b.path("stmt_enddate").asText(), "stmt_enddate"),
                "1".equals(b.path("refd_setl_flag").asText()),
                new TotalsCheck.Claimed(
                        b.path("setl_cnt").asLong(),
                        RequestValues.optionalMoney(b, "psn_part_amt", "psn_part_amt"),
                        RequestValues.optionalMoney(b, "insurer_pays_hospital", "insurer_pays_hospital"),
                        RequestValues.optionalMoney(b, "patient_cash_due", "patient_cash_due")));
        cases.totals()
                .execute(RequestContext.principal(rc), q)
                .onSuccess(a -> Responses.json(rc, 200, ReconciliationResponses.totals(a)))
                .onFailure(rc::fail);
    }

    void details(RoutingContext rc) {
        JsonNode b = Bodies.tree(rc);
        List<DetailMatch.Listed> listed = new ArrayList<>();
        JsonNode details = b.path("details");
        for (int i = 0; i < details.size(); i++) {
            JsonNode d = details.get(i);
            listed.add(new DetailMatch.Listed(
                    d.path("setl_id").asText(),
                    "REVERSED".equals(d.path("state").asText()),
                    RequestValues.optionalMoney(
                            d, "insurer_pays_hospital", "details[" + i + "].insurer_pays_hospital")));
        }
        cases.details()
                .execute(
                        RequestContext.principal(rc),
                        RequestValues.date(b.path("stmt_begndate").asText(), "stmt_begndate"),
                        RequestValues.date(b.path("stmt_enddate").asText(), "stmt_enddate"),
                        listed)
                .onSuccess(r -> Responses.json(rc, 200, ReconciliationResponses.details(r)))
                .onFailure(rc::fail);
    }

    /** CSV; {@code Huibao-Statement-SM3} is over its exact bytes. */
    void export(RoutingContext rc) {
        cases.export()
                .execute(
                        RequestContext.principal(rc),
                        RequestValues.date(rc.queryParams().get("from"), "from"),
                        RequestValues.date(rc.queryParams().get("to"), "to"))
                .onSuccess(list -> {
                    byte[] bytes = ReconciliationResponses.csv(list).getBytes(StandardCharsets.UTF_8);
                    rc.response().putHeader(HospitalHandlers.DIGEST_HEADER, Sm3.hex(bytes));
                    Responses.end(rc, 200, "text/csv; charset=utf-8", Buffer.buffer(bytes));
                })
                .onFailure(rc::fail);
    }
}
