package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.ReconciliationResponses;
import com.huibao.gateway.app.reconciliation.ExportPeriodUseCase;
import com.huibao.gateway.app.reconciliation.ReconcileDetailsUseCase;
import com.huibao.gateway.app.reconciliation.ReconcileTotalsUseCase;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.reconciliation.DetailMatch;
import com.huibao.gateway.domain.reconciliation.TotalsCheck;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
                date(b.path("stmt_begndate").asText(), "stmt_begndate"),
                date(b.path("stmt_enddate").asText(), "stmt_enddate"),
                "1".equals(b.path("refd_setl_flag").asText()),
                new TotalsCheck.Claimed(
                        b.path("setl_cnt").asLong(),
                        money(b, "psn_part_amt"),
                        money(b, "insurer_pays_hospital"),
                        money(b, "patient_cash_due")));
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
                    moneyAt(d, "insurer_pays_hospital", "details[" + i + "].insurer_pays_hospital")));
        }
        cases.details()
                .execute(
                        RequestContext.principal(rc),
                        date(b.path("stmt_begndate").asText(), "stmt_begndate"),
                        date(b.path("stmt_enddate").asText(), "stmt_enddate"),
                        listed)
                .onSuccess(r -> Responses.json(rc, 200, ReconciliationResponses.details(r)))
                .onFailure(rc::fail);
    }

    /** CSV; {@code Huibao-Statement-SM3} is over its exact bytes. */
    void export(RoutingContext rc) {
        cases.export()
                .execute(
                        RequestContext.principal(rc),
                        date(rc.queryParams().get("from"), "from"),
                        date(rc.queryParams().get("to"), "to"))
                .onSuccess(list -> {
                    byte[] bytes = ReconciliationResponses.csv(list).getBytes(StandardCharsets.UTF_8);
                    rc.response().putHeader(HospitalHandlers.DIGEST_HEADER, Sm3.hex(bytes));
                    Responses.end(rc, 200, "text/csv; charset=utf-8", Buffer.buffer(bytes));
                })
                .onFailure(rc::fail);
    }

    private static Money money(JsonNode b, String name) {
        return moneyAt(b, name, name);
    }

    private static Money moneyAt(JsonNode b, String name, String field) {
        if (!b.hasNonNull(name)) {
            return null;
        }
        try {
            return Money.parse(b.get(name).asText());
        } catch (AmountFormatException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(field, "INVALID_AMOUNT", "an amount in yuan with two decimals")));
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(field, "INVALID_DATE", field + " must be yyyy-MM-dd")));
        }
    }
}
