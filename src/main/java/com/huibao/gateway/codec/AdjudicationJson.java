package com.huibao.gateway.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
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

    // Field names encoded once: written as bytes already made, for every answer (docs/PERFORMANCE.md, issue 28);
    // "deductible" and "paid" are also the accumulators' (AccumulatorsJson)
    private static final SerializableString ACCUMULATORS = new SerializedString("accumulators");
    private static final SerializableString AFTER = new SerializedString("after");
    private static final SerializableString AMOUNT = new SerializedString("amount");
    private static final SerializableString BEFORE = new SerializedString("before");
    private static final SerializableString BURDEN = new SerializedString("burden");
    private static final SerializableString CAPPED_BY = new SerializedString("capped_by");
    private static final SerializableString COMPENSATED = new SerializedString("compensated");
    private static final SerializableString COMPENSATION = new SerializedString("compensation");
    static final SerializableString DEDUCTIBLE = new SerializedString("deductible");
    private static final SerializableString DELTA = new SerializedString("delta");
    private static final SerializableString ELIGIBLE = new SerializedString("eligible");
    private static final SerializableString FACT = new SerializedString("fact");
    private static final SerializableString FEEDETL_SN = new SerializedString("feedetl_sn");
    private static final SerializableString HOSPITAL_PART = new SerializedString("hospital_part");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString IN_LIST = new SerializedString("in_list");
    private static final SerializableString INSURER_ID = new SerializedString("insurer_id");
    private static final SerializableString INSURER_PAYS_HOSPITAL = new SerializedString("insurer_pays_hospital");
    private static final SerializableString INSURER_PAYS_PATIENT = new SerializedString("insurer_pays_patient");
    private static final SerializableString LIMIT = new SerializedString("limit");
    private static final SerializableString LINE_OUTCOMES = new SerializedString("line_outcomes");
    private static final SerializableString LINES = new SerializedString("lines");
    private static final SerializableString OTHER_COMPENSATION = new SerializedString("other_compensation");
    private static final SerializableString OUT_OF_LIST = new SerializedString("out_of_list");
    private static final SerializableString OWN_AMOUNT = new SerializedString("own_amount");
    static final SerializableString PAID = new SerializedString("paid");
    private static final SerializableString PATIENT_CASH_DUE = new SerializedString("patient_cash_due");
    private static final SerializableString PAYABLE = new SerializedString("payable");
    private static final SerializableString PAYOUT = new SerializedString("payout");
    private static final SerializableString PAYOUT_TOTAL = new SerializedString("payout_total");
    private static final SerializableString PLAN_ID = new SerializedString("plan_id");
    private static final SerializableString POLICIES = new SerializedString("policies");
    private static final SerializableString POLICY_NO = new SerializedString("policy_no");
    private static final SerializableString RATIO = new SerializedString("ratio");
    private static final SerializableString REASON = new SerializedString("reason");
    private static final SerializableString REASON_TEXT = new SerializedString("reason_text");
    private static final SerializableString RESIDUAL_SELF_PAY = new SerializedString("residual_self_pay");
    private static final SerializableString RESPONSIBILITIES = new SerializedString("responsibilities");
    private static final SerializableString RESPONSIBILITY = new SerializedString("responsibility");
    private static final SerializableString SETL_ID = new SerializedString("setl_id");
    private static final SerializableString UNPAID = new SerializedString("unpaid");

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
        text(g, SETL_ID, a.setlId());
        g.writeFieldName(POLICIES);
        g.writeStartArray();
        for (PolicyResult p : a.policies()) {
            policy(p, g, perPolicy);
        }
        g.writeEndArray();
        money(g, PAYOUT_TOTAL, a.payoutTotal());
        money(g, RESIDUAL_SELF_PAY, a.residualSelfPay());
        money(g, INSURER_PAYS_HOSPITAL, a.insurerPaysHospital());
        money(g, PATIENT_CASH_DUE, a.patientCashDue());
        money(g, INSURER_PAYS_PATIENT, a.insurerPaysPatient());
        money(g, OTHER_COMPENSATION, a.otherCompensation());
        g.writeFieldName(LINES);
        g.writeStartArray();
        for (LineBurden b : a.burdens()) {
            g.writeStartObject();
            text(g, FEEDETL_SN, b.feedetlSn());
            money(g, IN_LIST, b.inList());
            money(g, OUT_OF_LIST, b.outOfList());
            money(g, BURDEN, b.burden());
            money(g, HOSPITAL_PART, b.hospitalPart());
            money(g, COMPENSATED, b.compensated());
            g.writeEndObject();
        }
        g.writeEndArray();
        more.write(g);
        g.writeEndObject();
    }

    private static void policy(PolicyResult p, JsonGenerator g, MorePerPolicy more) throws IOException {
        g.writeStartObject();
        text(g, POLICY_NO, p.policyNo());
        text(g, PLAN_ID, p.planId());
        text(g, INSURER_ID, p.insurerId());
        money(g, PAYOUT, p.payout());
        text(g, REASON, p.denialReason());
        reasonText(g, REASON_TEXT, p.denialReason());
        g.writeFieldName(RESPONSIBILITIES);
        g.writeStartArray();
        for (ResponsibilityResult r : p.responsibilities()) {
            g.writeStartObject();
            text(g, ID, r.id());
            money(g, ELIGIBLE, r.eligible());
            money(g, DEDUCTIBLE, r.deductible());
            text(g, RATIO, r.ratio() == null ? null : r.ratio().toPlainString());
            money(g, PAYABLE, r.payable());
            text(g, CAPPED_BY, r.cappedBy());
            money(g, COMPENSATION, r.compensation());
            if (r.ownAmount() != null) {
                money(g, OWN_AMOUNT, r.ownAmount());
            }
            moneys(g, LINES, r.lines());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(LINE_OUTCOMES);
        g.writeStartArray();
        for (LineOutcome l : p.lines()) {
            g.writeStartObject();
            text(g, FEEDETL_SN, l.feedetlSn());
            money(g, IN_LIST, l.inList());
            money(g, OUT_OF_LIST, l.outOfList());
            money(g, PAID, l.paid());
            g.writeFieldName(UNPAID);
            g.writeStartArray();
            for (UnpaidPart u : l.unpaid()) {
                g.writeStartObject();
                text(g, REASON, u.reason());
                reasonText(g, REASON_TEXT, u.reason());
                money(g, AMOUNT, u.amount());
                text(g, RESPONSIBILITY, u.responsibility());
                if (u.limit() != null) {
                    text(g, LIMIT, u.limit());
                }
                if (u.fact() != null) {
                    text(g, FACT, u.fact());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(ACCUMULATORS);
        g.writeStartObject();
        g.writeFieldName(BEFORE);
        AccumulatorsJson.write(p.before(), g);
        g.writeFieldName(DELTA);
        AccumulatorsJson.write(p.delta(), g);
        g.writeFieldName(AFTER);
        AccumulatorsJson.write(p.after(), g);
        g.writeEndObject();
        more.write(p, g);
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        g.writeString(value);
    }

    private static void reasonText(JsonGenerator g, SerializableString field, String code) throws IOException {
        g.writeFieldName(field);
        SerializableString text = ReasonTexts.encoded(code);
        if (text == null) {
            g.writeNull();
        } else {
            g.writeString(text);
        }
    }

    static void money(JsonGenerator g, SerializableString field, Money m) throws IOException {
        g.writeFieldName(field);
        money(g, m);
    }

    private static void money(JsonGenerator g, String field, Money m) throws IOException {
        g.writeFieldName(field);
        money(g, m);
    }

    /**
     * An amount as its string ({@link Money#toString()}): a UTF-8 byte generator gets the digits made here from the
     * fen, with nothing to escape; any other (a tree's token buffer) gets the string, since only a UTF-8 generator
     * takes raw bytes.
     */
    private static void money(JsonGenerator g, Money m) throws IOException {
        if (!(g instanceof UTF8JsonGenerator)) {
            g.writeString(m.toString());
            return;
        }
        byte[] text = new byte[MoneyText.MAX_LENGTH];
        int start = MoneyText.write(m, text);
        g.writeRawUTF8String(text, start, text.length - start);
    }

    static void moneys(JsonGenerator g, SerializableString field, Map<String, Money> amounts) throws IOException {
        g.writeFieldName(field);
        g.writeStartObject();
        for (Map.Entry<String, Money> e : amounts.entrySet()) {
            money(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
