package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.huibao.gateway.app.port.SettlementEvent;
import com.huibao.gateway.app.port.StatementLine;
import com.huibao.gateway.app.settlement.Statement;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The daily statement as JSON and CSV. Each form has its own SM3 digest, computed by the caller (the contract's
 * getReconciliation): the JSON's over its canonical form without the {@code digest} member, the CSV's over its exact
 * bytes, so that either form alone reproduces its digest.
 */
public final class StatementJson {
    private static final CsvMapper CSV = new CsvMapper();

    private StatementJson() {}

    /** The statement without its digest: what the digest is computed over. */
    public static ObjectNode body(Statement s) {
        ObjectNode o = Json.object();
        o.put("fixmedins_code", s.fixmedinsCode());
        o.put("date", s.date().toString());
        ArrayNode settlements = o.putArray("settlements");
        for (SettlementEvent e : s.settlements()) {
            settlements
                    .addObject()
                    .put("setl_id", e.setlId())
                    .put("event", e.event())
                    .put("at", e.at().toString())
                    .put("payout_total", e.payoutTotal().toString())
                    .put("insurer_pays_hospital", e.insurerPaysHospital().toString())
                    .put("patient_cash_due", e.patientCashDue().toString())
                    .put("insurer_pays_patient", e.insurerPaysPatient().toString());
        }
        ArrayNode lines = o.putArray("entries");
        for (StatementLine l : s.lines()) {
            ObjectNode n = lines.addObject();
            n.put("setl_id", l.setlId());
            n.put("event", l.event());
            n.put("at", l.at().toString());
            n.put("claim_id", l.claimId());
            n.put("insurer_id", l.insurerId());
            n.put("policy_no", l.policyNo());
            n.put("payout", l.payout().toString());
            n.put("pays_hospital", l.paysHospital().toString());
            n.put("pays_patient", l.paysPatient().toString());
        }
        ObjectNode totals = o.putObject("totals");
        ObjectNode by = totals.putObject("by_insurer");
        for (Map.Entry<String, Statement.InsurerTotal> e : s.byInsurer().entrySet()) {
            by.set(e.getKey(), total(e.getValue()));
        }
        totals.set("all", total(s.total()));
        return o;
    }

    private static ObjectNode total(Statement.InsurerTotal t) {
        return Json.object()
                .put("confirmed_claims", t.confirmedClaims())
                .put("confirmed", t.confirmed().toString())
                .put("reversed_claims", t.reversedClaims())
                .put("reversed", t.reversed().toString())
                .put("adjusted_claims", t.adjustedClaims())
                .put("adjusted", t.adjusted().toString())
                .put("net", t.net().toString());
    }

    /** One row per entry, then one TOTAL row per insurer and one for all: plain RFC 4180, nothing but rows. */
    public static String csv(Statement s) {
        CsvSchema schema = CsvSchema.builder()
                .addColumns(
                        List.of(
                                "row",
                                "setl_id",
                                "event",
                                "at",
                                "claim_id",
                                "insurer_id",
                                "policy_no",
                                "payout",
                                "pays_hospital",
                                "pays_patient",
                                "confirmed",
                                "reversed",
                                "adjusted",
                                "net"),
                        CsvSchema.ColumnType.STRING)
                .setUseHeader(true)
                .setLineSeparator("\r\n")
                .build();
        StringWriter out = new StringWriter();
        try (SequenceWriter w = CSV.writerFor(Object[].class).with(schema).writeValues(out)) {
            for (StatementLine l : s.lines()) {
                w.write(new Object[] {
                    "ENTRY",
                    l.setlId(),
                    l.event(),
                    l.at().toString(),
                    l.claimId(),
                    l.insurerId(),
                    l.policyNo(),
                    l.payout().toString(),
                    l.paysHospital().toString(),
                    l.paysPatient().toString(),
                    "",
                    "",
                    "",
                    ""
                });
            }
            for (Map.Entry<String, Statement.InsurerTotal> e : s.byInsurer().entrySet()) {
                w.write(totalRow(e.getKey(), e.getValue()));
            }
            w.write(totalRow("*", s.total()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static Object[] totalRow(String insurer, Statement.InsurerTotal t) {
        return new Object[] {
            "TOTAL",
            "",
            "",
            "",
            "",
            insurer,
            "",
            "",
            "",
            "",
            t.confirmed().toString(),
            t.reversed().toString(),
            t.adjusted().toString(),
            t.net().toString()
        };
    }
}
