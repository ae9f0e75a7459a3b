package com.huibao.gateway.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.LineBurden;
import com.huibao.gateway.domain.benefit.LineOutcome;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.ResponsibilityResult;
import com.huibao.gateway.domain.benefit.UnpaidPart;
import com.huibao.gateway.domain.money.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes an adjudication in the shape of the {@code expected-*.json} examples (amounts as strings with 2 decimals),
 * plus the explanation fields: {@code setl_id}, per-line burdens (with what the hospital bore and the compensation
 * from elsewhere), and per policy its plan, insurer, denial reason, line outcomes with every unpaid amount's reason
 * and the fact that decided it, and accumulators before/delta/after.
 *
 * <p>The shape is written once, to a {@link JsonGenerator}: straight to bytes for the answers that are sent or stored
 * as they are (a preview, the offline replay's lines: no tree built and walked again, issue 28), and into a tree for
 * the answers that add fields to it (a confirmation, an event). Both hold the same fields in the same order.
 */
public final class AdjudicationJson {
    private AdjudicationJson() {}

    /** Fields written after the adjudication's own, inside its object. */
    public interface More {
        void write(JsonGenerator g) throws IOException;
    }

    /** Fields written after a policy's own, inside its object. */
    public interface MorePerPolicy {
        void write(PolicyResult p, JsonGenerator g) throws IOException;
    }

    /** The adjudication as a tree, for answers that add to it. */
    public static ObjectNode write(Adjudication a) {
        return tree(g -> write(a, g, NOTHING_PER_POLICY, NOTHING));
    }

    /** The adjudication and then {@code more}, as UTF-8 JSON bytes (the bytes {@link Json#bytes} gives of the tree). */
    public static byte[] bytes(Adjudication a, More more) {
        return bytes(a, NOTHING_PER_POLICY, more);
    }

    /** As {@link #bytes(Adjudication, More)}, with {@code perPolicy}'s fields at the end of each policy's object. */
    public static byte[] bytes(Adjudication a, MorePerPolicy perPolicy, More more) {
        return bytes(g -> write(a, g, perPolicy, more));
    }

    /** One policy's result as a tree (the body of its event, which adds to it). */
    public static ObjectNode policy(PolicyResult p) {
        return tree(g -> policy(p, g, NOTHING_PER_POLICY));
    }

    /** One policy's result as UTF-8 JSON bytes (a claim's stored result). */
    public static byte[] policyBytes(PolicyResult p) {
        return bytes(g -> policy(p, g, NOTHING_PER_POLICY));
    }

    private static final More NOTHING = g -> {};
    private static final MorePerPolicy NOTHING_PER_POLICY = (p, g) -> {};

    private static byte[] bytes(More writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What {@code writer} writes, as a tree (one object). */
    static ObjectNode tree(More writer) {
        try (TokenBuffer b = new TokenBuffer(Json.MAPPER, false)) {
            writer.write(b);
            return (ObjectNode) Json.MAPPER.readTree(b.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Adjudication a, JsonGenerator g, MorePerPolicy perPolicy, More more) throws IOException {
        g.writeStartObject();
        g.writeStringField("setl_id", a.setlId());
        g.writeArrayFieldStart("policies");
        for (PolicyResult p : a.policies()) {
            policy(p, g, perPolicy);
        }
        g.writeEndArray();
        money(g, "payout_total", a.payoutTotal());
        money(g, "residual_self_pay", a.residualSelfPay());
        money(g, "insurer_pays_hospital", a.insurerPaysHospital());
        money(g, "patient_cash_due", a.patientCashDue());
        money(g, "insurer_pays_patient", a.insurerPaysPatient());
        money(g, "other_compensation", a.otherCompensation());
        g.writeArrayFieldStart("lines");
        for (LineBurden b : a.burdens()) {
            g.writeStartObject();
            g.writeStringField("feedetl_sn", b.feedetlSn());
            money(g, "in_list", b.inList());
            money(g, "out_of_list", b.outOfList());
            money(g, "burden", b.burden());
            money(g, "hospital_part", b.hospitalPart());
            money(g, "compensated", b.compensated());
            g.writeEndObject();
        }
        g.writeEndArray();
        more.write(g);
        g.writeEndObject();
    }

    private static void policy(PolicyResult p, JsonGenerator g, MorePerPolicy more) throws IOException {
        g.writeStartObject();
        g.writeStringField("policy_no", p.policyNo());
        g.writeStringField("plan_id", p.planId());
        g.writeStringField("insurer_id", p.insurerId());
        money(g, "payout", p.payout());
        g.writeStringField("reason", p.denialReason());
        g.writeStringField("reason_text", ReasonTexts.of(p.denialReason()));
        g.writeArrayFieldStart("responsibilities");
        for (ResponsibilityResult r : p.responsibilities()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            money(g, "eligible", r.eligible());
            money(g, "deductible", r.deductible());
            g.writeStringField("ratio", r.ratio() == null ? null : r.ratio().toPlainString());
            money(g, "payable", r.payable());
            g.writeStringField("capped_by", r.cappedBy());
            money(g, "compensation", r.compensation());
            if (r.ownAmount() != null) {
                money(g, "own_amount", r.ownAmount());
            }
            moneys(g, "lines", r.lines());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("line_outcomes");
        for (LineOutcome l : p.lines()) {
            g.writeStartObject();
            g.writeStringField("feedetl_sn", l.feedetlSn());
            money(g, "in_list", l.inList());
            money(g, "out_of_list", l.outOfList());
            money(g, "paid", l.paid());
            g.writeArrayFieldStart("unpaid");
            for (UnpaidPart u : l.unpaid()) {
                g.writeStartObject();
                g.writeStringField("reason", u.reason());
                g.writeStringField("reason_text", ReasonTexts.of(u.reason()));
                money(g, "amount", u.amount());
                g.writeStringField("responsibility", u.responsibility());
                if (u.limit() != null) {
                    g.writeStringField("limit", u.limit());
                }
                if (u.fact() != null) {
                    g.writeStringField("fact", u.fact());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("accumulators");
        g.writeFieldName("before");
        AccumulatorsJson.write(p.before(), g);
        g.writeFieldName("delta");
        AccumulatorsJson.write(p.delta(), g);
        g.writeFieldName("after");
        AccumulatorsJson.write(p.after(), g);
        g.writeEndObject();
        more.write(p, g);
        g.writeEndObject();
    }

    static void money(JsonGenerator g, String field, Money m) throws IOException {
        g.writeStringField(field, m.toString());
    }

    static void moneys(JsonGenerator g, String field, Map<String, Money> amounts) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Money> e : amounts.entrySet()) {
            money(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
