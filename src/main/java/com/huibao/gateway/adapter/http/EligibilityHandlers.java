package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.EligibilityResponses;
import com.huibao.gateway.app.eligibility.CheckEligibilityUseCase;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;

/** Eligibility and benefit balance before admission (the identity in the body, never in a URL or a log). */
public final class EligibilityHandlers {
    private final CheckEligibilityUseCase check;

    public EligibilityHandlers(CheckEligibilityUseCase check) {
        this.check = check;
    }

    void check(RoutingContext rc) {
        JsonNode b = Bodies.tree(rc);
        LocalDate date = b.hasNonNull("date") ? RequestValues.date(b.get("date").asText(), "date") : null;
        check.execute(
                        RequestContext.principal(rc),
                        new CheckEligibilityUseCase.Question(
                                b.path("psn_cert_type").asText(),
                                b.path("certno").asText(),
                                date))
                .onSuccess(a -> Responses.json(rc, 200, EligibilityResponses.answer(a)))
                .onFailure(rc::fail);
    }
}
