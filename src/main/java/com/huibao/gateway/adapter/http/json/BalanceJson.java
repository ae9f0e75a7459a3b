package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.benefit.BenefitBalance;
import com.huibao.gateway.domain.money.Money;

/** The contract's {@code Balance}: deductibles, benefits and the overall cap, with what is left (null: no cap). */
final class BalanceJson {
    private BalanceJson() {}

    static ObjectNode write(BenefitBalance b) {
        return into(Json.object(), b);
    }

    /** Adds {@code deductibles}, {@code benefits} and {@code overall_cap} to {@code o}. */
    static ObjectNode into(ObjectNode o, BenefitBalance b) {
        ArrayNode pools = o.putArray("deductibles");
        b.deductibles()
                .forEach(d -> pools.addObject()
                        .put("pool", d.id())
                        .put("amount", d.amount().toString())
                        .put("used", d.used().toString())
                        .put("left", d.left().toString()));
        ArrayNode benefits = o.putArray("benefits");
        b.benefits()
                .forEach(r -> benefits.addObject()
                        .put("id", r.id())
                        .put("name", r.name())
                        .put("annual_cap", text(r.annualCap()))
                        .put("paid", r.paid().toString())
                        .put("left", text(r.left())));
        o.putObject("overall_cap")
                .put("cap", text(b.overall().cap()))
                .put("paid", b.overall().paid().toString())
                .put("left", text(b.overall().left()));
        return o;
    }

    private static String text(Money m) {
        return m == null ? null : m.toString();
    }
}
