package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.huibao.gateway.app.reconciliation.ReconcileTotalsUseCase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.reconciliation.DetailMatch;
import com.huibao.gateway.domain.reconciliation.InsurerAccount;
import com.huibao.gateway.domain.reconciliation.SettlementFigure;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/** Push reconciliation answers ({@code ReconciliationTotalsResult}, {@code ReconciliationDetailsResult}) and the
 * period's detail file (CSV). */
public final class ReconciliationResponses {
    private static final CsvMapper CSV = new CsvMapper();

    private ReconciliationResponses() {}

    public static ObjectNode totals(ReconcileTotalsUseCase.Answer a) {
        ReconcileTotalsUseCase.Question q = a.question();
        ObjectNode out = Json.object()
                .put("stmt_rslt", a.balanced() ? "BALANCED" : "NOT_BALANCED")
                .put("stmt_begndate", q.from().toString())
                .put("stmt_enddate", q.to().toString())
                .put("refd_setl_flag", q.refundsIncluded() ? "1" : "0");
        out.putObject("ours")
                .put("setl_cnt", a.ours().setlCnt())
                .put("psn_part_amt", a.ours().psnPartAmt().toString())
                .put("insurer_pays_hospital", a.ours().insurerPaysHospital().toString())
                .put("patient_cash_due", a.ours().patientCashDue().toString());
        ArrayNode diff = out.putArray("differences");
        a.differences()
                .forEach(d -> diff.addObject()
                        .put("field", d.field())
                        .put("theirs", d.theirs())
                        .put("ours", d.ours()));
        ArrayNode insurers = out.putArray("insurers");
        for (InsurerAccount i : a.byInsurer().values()) {
            insurers.addObject()
                    .put("insurer_id", i.insurerId())
                    .put("claims", i.claims())
                    .put("confirmed", i.confirmed().toString())
                    .put("reversed_claims", i.reversedClaims())
                    .put("reversed", i.reversed().toString())
                    .put("net", i.net().toString())
                    .put("paid", i.paid().toString())
                    .put("outstanding", i.outstanding().toString())
                    .put("receivable", i.receivable().toString());
        }
        ArrayNode settlements = out.putArray("settlements");
        a.settlements().forEach(s -> settlements.add(figure(s)));
        return out;
    }

    public static ObjectNode details(DetailMatch.Result r) {
        ObjectNode out = Json.object().put("stmt_rslt", r.balanced() ? "BALANCED" : "NOT_BALANCED");
        ArrayNode ours = out.putArray("only_ours");
        r.onlyOurs().forEach(s -> ours.add(figure(s)));
        ArrayNode theirs = out.putArray("only_theirs");
        r.onlyTheirs()
                .forEach(l -> theirs.addObject()
                        .put("setl_id", l.setlId())
                        .put("state", l.reversed() ? "REVERSED" : "CONFIRMED")
                        .put(
                                "insurer_pays_hospital",
                                l.insurerPaysHospital() == null
                                        ? null
                                        : l.insurerPaysHospital().toString()));
        ArrayNode differing = out.putArray("differing");
        r.differing()
                .forEach(d -> differing
                        .addObject()
                        .put("setl_id", d.setlId())
                        .put("field", d.field())
                        .put("theirs", d.theirs())
                        .put("ours", d.ours()));
        return out;
    }

    private static ObjectNode figure(SettlementFigure s) {
        return Json.object()
                .put("setl_id", s.setlId())
                .put("setl_time", s.setlTime().toString())
                .put("state", s.reversed() ? "REVERSED" : "CONFIRMED")
                .put("psn_part_amt", s.psnPartAmt().toString())
                .put("insurer_pays_hospital", s.insurerPaysHospital().toString())
                .put("patient_cash_due", s.patientCashDue().toString());
    }

    /** The period's detail file: one row per settlement, plain RFC 4180. */
    public static String csv(List<SettlementFigure> settlements) {
        CsvSchema schema = CsvSchema.builder()
                .addColumns(
                        List.of(
                                "setl_id",
                                "setl_time",
                                "state",
                                "psn_part_amt",
                                "insurer_pays_hospital",
                                "patient_cash_due"),
                        CsvSchema.ColumnType.STRING)
                .setUseHeader(true)
                .setLineSeparator("\r\n")
                .build();
        StringWriter out = new StringWriter();
        try (SequenceWriter w = CSV.writerFor(Object[].class).with(schema).writeValues(out)) {
            for (SettlementFigure s : settlements) {
                w.write(new Object[] {
                    s.setlId(),
                    s.setlTime().toString(),
                    s.reversed() ? "REVERSED" : "CONFIRMED",
                    s.psnPartAmt().toString(),
                    s.insurerPaysHospital().toString(),
                    s.patientCashDue().toString()
                });
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
