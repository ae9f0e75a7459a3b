package com.huibao.gateway.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.adapter.cli.SettlementDraft;
import com.huibao.gateway.codec.Json;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Random;

/**
 * Realistic generated data for the load and fault harness: a plan of four responsibilities over two coverage lists
 * of 5,000 entries each, one policy per person (10,000 by default), and 30-line inpatient settlements whose sums hold
 * every identity of SPEC §2. Deterministic for a seed.
 */
public final class BenchData {
    public static final String INSURER = "INS-HMB";
    public static final String PLAN = "BENCH-2026";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private BenchData() {}

    /** The identity number of person {@code i}: a valid 18-character resident ID (check digit included). */
    public static String certno(int i) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i / 999);
        String body = "310101" + birth.toString().replace("-", "") + String.format("%03d", i % 999 + 1);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return body + CHECK.charAt(sum % 11);
    }

    public static String policyNo(int i) {
        return String.format("BENCH-%06d", i);
    }

    /** A coverage list: {@code XL%08d} drugs (exact) or {@code C03%07d} devices (half by prefix), with prices. */
    public static byte[] list(String listId, int entries, long seed) {
        Random r = new Random(seed);
        ObjectNode doc =
                Json.object().put("list_id", listId).put("version", "1").put("effective_from", "2026-01-01");
        doc.putNull("effective_to");
        ArrayNode es = doc.putArray("entries");
        boolean drugs = listId.endsWith("DRUGS");
        for (int i = 0; i < entries; i++) {
            ObjectNode e = es.addObject()
                    .put("code", drugs ? String.format("XL%08d", i) : String.format("C03%07d", i))
                    .put("match", !drugs && i % 2 == 0 ? "prefix" : "exact")
                    .put("name", (drugs ? "药品" : "耗材") + i);
            if (i % 5 == 0) {
                e.put("payment_standard", fen(100_000 + r.nextInt(1_000_000)));
            } else {
                e.putNull("payment_standard");
            }
        }
        return Json.bytes(doc);
    }

    /** The plan: specialty drugs and devices from the two lists, in-list and out-of-list inpatient burden. */
    public static byte[] plan() {
        return ("{\"plan_id\":\"" + PLAN + "\",\"insurer_id\":\"" + INSURER + "\",\"name\":\"benchmark plan\","
                        + "\"cob_priority\":10,\"overall_cap\":\"3000000.00\",\"deductible_pools\":[{\"id\":\"GENERAL\","
                        + "\"amount\":\"20000.00\"}],\"responsibilities\":["
                        + "{\"id\":\"SPECIALTY_DRUG\",\"match\":{\"list\":\"BENCH-DRUGS\"},\"part\":\"burden\",\"ratio\":\"0.70\","
                        + "\"preexisting_ratio\":\"0.30\",\"annual_cap\":\"1000000.00\",\"requires_preapproval\":false},"
                        + "{\"id\":\"INNOVATIVE\",\"match\":{\"list\":\"BENCH-DEVICES\"},\"part\":\"burden\",\"ratio\":\"0.70\","
                        + "\"annual_cap\":\"500000.00\"},"
                        + "{\"id\":\"INPATIENT_IN_LIST\",\"match\":{\"all\":true},\"part\":\"in_list\",\"med_types\":[\"21\"],"
                        + "\"deductible_pool\":\"GENERAL\",\"ratio\":\"0.70\",\"preexisting_ratio\":\"0.35\","
                        + "\"annual_cap\":\"1000000.00\"},"
                        + "{\"id\":\"INPATIENT_OUT_OF_LIST\",\"match\":{\"all\":true},\"part\":\"out_of_list\",\"med_types\":[\"21\"],"
                        + "\"deductible_pool\":\"GENERAL\",\"ratio\":\"0.70\",\"annual_cap\":\"1000000.00\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Policies {@code from} (inclusive) to {@code to} (exclusive), as one batch for {@code POST /v1/policies}. */
    public static byte[] policies(int from, int to) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (int i = from; i < to; i++) {
            a.addObject()
                    .put("policy_no", policyNo(i))
                    .put("plan_id", PLAN)
                    .put("insurer_id", INSURER)
                    .put("psn_cert_type", "01")
                    .put("certno", certno(i))
                    .put("effective_from", "2026-01-01")
                    .put("effective_to", "2027-01-01")
                    .putArray("preexisting_conditions");
        }
        return Json.bytes(a);
    }

    /** A 30-line inpatient settlement of person {@code person}; amounts depend on the seed. */
    public static byte[] settlement(String setlId, int person, long seed) {
        Random r = new Random(seed);
        SettlementDraft d = new SettlementDraft("C34.900", "肺恶性肿瘤");
        for (int i = 1; i <= 30; i++) {
            String code = switch (i % 3) {
                case 0 -> String.format("XL%08d", r.nextInt(5000));
                case 1 -> String.format("C03%07d00001025300001321", r.nextInt(5000));
                default -> String.format("00120400%07d", i);
            };
            long inscp = 1000 + r.nextInt(500_000);
            long f = i % 4 == 0 ? r.nextInt(200_000) : 0;
            long o = i % 7 == 0 ? r.nextInt(10_000) : 0;
            long p = inscp / 10;
            d.line(code, "项目" + i, f > 0 ? "03" : "02", f + o + p + inscp, f, o, p, "0.10");
        }
        long fund = d.inScope() * 8 / 10;
        long acct = Math.min(100_000, d.fee() - fund);
        ObjectNode doc = d.finish(
                new SettlementDraft.Identity(
                        setlId,
                        String.format("31%012d", person),
                        certno(person),
                        "患者" + person,
                        "21",
                        "2026-03-15 10:20:30"),
                fund,
                acct);
        return Json.bytes(doc);
    }

    /**
     * The refund (退费) of line 4 of {@link #settlement}'s document in full, as the basic insurance would give it: the
     * line negated ({@code init_feedetl_sn} 4) and the header amounts' changes (the fund pays 80 % of the in-scope
     * amounts, the account up to 1,000.00 of the patient's share).
     */
    public static byte[] refundOfLine4(String refundId, String setlId, int person, long seed) {
        JsonNode doc = Json.parse(new String(settlement(setlId, person, seed), StandardCharsets.UTF_8));
        JsonNode h = doc.get("setlinfo");
        JsonNode line = doc.get("feedetail").get(3);
        long det = fenOf(line, "det_item_fee_sumamt");
        long f = fenOf(line, "fulamt_ownpay_amt");
        long o = fenOf(line, "overlmt_amt");
        long p = fenOf(line, "preselfpay_amt");
        long inscp = fenOf(line, "inscp_scp_amt");
        long fee = fenOf(h, "medfee_sumamt") - det;
        long in = fenOf(h, "inscp_scp_amt") - inscp;
        long fund = in * 8 / 10;
        long psnPart = fee - fund;
        long acct = Math.min(100_000, psnPart);
        ObjectNode refund = Json.object().put("refund_id", refundId);
        refund.putObject("setlinfo")
                .put("medfee_sumamt", fen(-det))
                .put("fulamt_ownpay_amt", fen(-f))
                .put("overlmt_selfpay", fen(-o))
                .put("preselfpay_amt", fen(-p))
                .put("inscp_scp_amt", fen(-inscp))
                .put("hifp_pay", fen(fund - fenOf(h, "hifp_pay")))
                .put("fund_pay_sumamt", fen(fund - fenOf(h, "fund_pay_sumamt")))
                .put("psn_part_amt", fen(psnPart - fenOf(h, "psn_part_amt")))
                .put("acct_pay", fen(acct - fenOf(h, "acct_pay")))
                .put("psn_cash_pay", fen(psnPart - acct - fenOf(h, "psn_cash_pay")));
        ((ObjectNode) refund.putArray("feedetail").addObject().setAll((ObjectNode) line.deepCopy()))
                .put("feedetl_sn", "4R")
                .put("init_feedetl_sn", "4")
                .put("cnt", -1)
                .put("det_item_fee_sumamt", fen(-det))
                .put("fulamt_ownpay_amt", fen(-f))
                .put("overlmt_amt", fen(-o))
                .put("preselfpay_amt", fen(-p))
                .put("inscp_scp_amt", fen(-inscp));
        return Json.bytes(refund);
    }

    private static long fenOf(JsonNode n, String field) {
        return new BigDecimal(n.get(field).asText()).movePointRight(2).longValueExact();
    }

    /** An ID token for person {@code i} from the demo identity provider (its key is a published demo key). */
    public static String patientToken(int i) {
        try {
            ECKey key = ECKey.parse(Files.readString(Path.of("config/demo/keys/patient-idp.private.jwk")));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("https://idp.demo.huibao.local")
                    .audience("huibao-h5")
                    .subject("bench-" + i)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                    .claim("psn_cert_type", "01")
                    .claim("certno", certno(i))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fen(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
