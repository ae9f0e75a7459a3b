package com.huibao.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.benefit.BurdenCalculator;
import com.huibao.gateway.domain.benefit.LineBurden;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.FundKind;
import com.huibao.gateway.domain.settlement.MessageKind;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Readers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The national messages of {@code shared/examples/national} (copied unchanged under {@code examples/national}) read
 * by the one settlement reader with the shipped profiles: every Accept bundle becomes a valid settlement whose
 * burden adds up to {@code psn_part_amt}; the shape references alone are 422s naming what fails.
 */
class NationalMessagesTest {
    private static final SettlementReader READER = Readers.reader();
    private static final SettlementValidator VALIDATOR =
            new SettlementValidator(READER.dialects().validationProfiles());

    private static JsonNode national(String file) {
        return Examples.json("national/" + file);
    }

    private static Settlement read(JsonNode doc) {
        return READER.read(doc, null);
    }

    @Test
    void the_fixtures_are_the_shared_files_unchanged() throws Exception {
        Path shared = Path.of("../shared/examples/national");
        if (!Files.isDirectory(shared)) {
            return; // a checkout without the shared material: the copies are what the tests post
        }
        try (var files = Files.list(shared)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(Examples.bytes("national/" + f.getFileName()))
                        .as(f.toString())
                        .isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bundle-2304-hospital-part.json",
                "bundle-2207-refund-lines.json",
                "bundle-commercial-fund-in-setldetail.json",
                "bundle-hainan-regional.json"
            })
    void every_accept_bundle_is_a_valid_settlement_whose_burden_is_psn_part_amt(String file) {
        Settlement s = read(national(file));
        assertThat(VALIDATOR.validate(s)).isEmpty();
        long burden = 0;
        for (LineBurden l : BurdenCalculator.burdens(s).asList()) {
            assertThat(l.inList().isNegative() || l.outOfList().isNegative()).isFalse();
            burden += l.burden().fen();
        }
        assertThat(Money.ofFen(burden)).isEqualTo(s.setlinfo().psnPartAmt());
        assertThat(s.provenance().infno()).isEqualTo(national(file).get("infno").asText());
        assertThat(s.setlinfo().fixmedinsCode())
                .isEqualTo(national(file).get("fixmedins_code").asText());
        assertThat(s.setlinfo().hospLv()).isNull();
    }

    @Test
    void the_hospital_part_comes_off_the_in_scope_self_pay_then_the_first_self_pay() {
        Settlement s = read(national("bundle-2304-hospital-part.json"));
        assertThat(s.setlinfo().hospPartAmt()).isEqualTo(Money.parse("612.50"));
        List<LineBurden> lines = BurdenCalculator.burdens(s).asList();
        long hospital = lines.stream().mapToLong(l -> l.hospitalPart().fen()).sum();
        assertThat(hospital).isEqualTo(61250);
        // out of list (ful + over) untouched: 6722.00 + 780.00
        assertThat(lines.stream().mapToLong(l -> l.outOfList().fen()).sum()).isEqualTo(750200);
        // in-scope self-pay 13612.03 − 13339.79 = 272.24 all gone, then 340.26 of the first self-pay 1350.17
        assertThat(lines.stream().mapToLong(l -> l.inList().fen()).sum()).isEqualTo(135017 - 34026);
        assertThat(s.provenance()).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.SETTLEMENT);
            assertThat(p.msgid()).isEqualTo("H50010527805202603131015082691");
            assertThat(p.medinsSetlId()).isEqualTo(p.msgid());
            assertThat(p.clrOptins()).isEqualTo("500112");
        });
        assertThat(s.funds())
                .extracting(f -> f.kind())
                .containsExactly(FundKind.BASIC, FundKind.BASIC, FundKind.HOSPITAL, FundKind.ACCOUNT);
    }

    @Test
    void a_refund_line_nets_against_the_line_it_refunds() {
        Settlement s = read(national("bundle-2207-refund-lines.json"));
        assertThat(s.feedetail()).hasSize(7);
        assertThat(s.lines()).hasSize(6).extracting(FeeLine::feedetlSn).doesNotContain("yp5816");
        FeeLine netted = s.lines().stream()
                .filter(l -> l.feedetlSn().equals("yp5815"))
                .findFirst()
                .orElseThrow();
        assertThat(netted.cnt()).isEqualByComparingTo("2");
        assertThat(netted.detItemFeeSumamt()).isEqualTo(Money.parse("25.60"));
        assertThat(netted.preselfpayAmt()).isEqualTo(Money.parse("2.56"));
        assertThat(netted.inscpScpAmt()).isEqualTo(Money.parse("23.04"));
        assertThat(s.setlinfo().medType()).isEqualTo("11");
    }

    @Test
    void refunds_without_their_original_or_below_zero_are_refused_naming_the_line() {
        ObjectNode doc = (ObjectNode) national("bundle-2207-refund-lines.json");
        ((ObjectNode) doc.get("feedetail").get(5)).put("init_feedetl_sn", "yp9999");
        assertThat(VALIDATOR.validate(read(doc)))
                .extracting(Violation::field, Violation::code)
                .contains(Tuple.tuple("feedetail[5].init_feedetl_sn", "REFUND_WITHOUT_ORIGINAL"));

        ObjectNode twice = (ObjectNode) national("bundle-2207-refund-lines.json");
        ObjectNode again =
                ((ObjectNode) twice.get("feedetail").get(5)).deepCopy().put("feedetl_sn", "yp5818");
        ObjectNode thrice = again.deepCopy().put("feedetl_sn", "yp5819");
        ObjectNode fourth = again.deepCopy().put("feedetl_sn", "yp5820");
        ((ArrayNode) twice.get("feedetail")).add(again).add(thrice).add(fourth);
        assertThat(VALIDATOR.validate(read(twice))).extracting(Violation::code).contains("REFUND_EXCEEDS_ORIGINAL");
    }

    @Test
    void commercial_money_inside_the_settlement_is_compensation_from_elsewhere() {
        Settlement s = read(national("bundle-commercial-fund-in-setldetail.json"));
        assertThat(s.compensationInside()).isEqualTo(Money.parse("485.53"));
        List<LineBurden> lines = BurdenCalculator.burdens(s).asList();
        assertThat(lines.stream().mapToLong(l -> l.compensated().fen()).sum()).isEqualTo(48553);
        assertThat(lines.stream().mapToLong(l -> l.burden().fen()).sum()).isEqualTo(148687);
    }

    @Test
    void the_hainan_profile_reads_its_regional_names_and_codes() {
        Settlement s = read(national("bundle-hainan-regional.json"));
        assertThat(s.setlinfo().medType()).isEqualTo("21");
        assertThat(s.setlinfo().medfeeSumamt()).isEqualTo(Money.parse("3820.60"));
        assertThat(s.setlinfo().preselfpayAmt()).isEqualTo(Money.parse("292.56"));
        assertThat(s.setlinfo().psnCashPay()).isEqualTo(Money.parse("2245.52"));
        assertThat(s.setlinfo().certno()).isEqualTo("460107196807301641");
        // the header's inscp_scp_amt is "": absent, derived as medfee − ful − over − pre
        assertThat(s.setlinfo().inscpScpAmt()).isEqualTo(Money.parse("2353.04"));
        assertThat(s.setlinfo().begndate()).isNull();
        assertThat(s.provenance().kind()).isEqualTo(MessageKind.QUERY);
        assertThat(s.provenance().msgid()).isNotEqualTo(s.provenance().medinsSetlId());

        // the same message from a region without that profile: its names are not national ones
        ObjectNode elsewhere = (ObjectNode) national("bundle-hainan-regional.json");
        elsewhere.put("insuplc_admdvs", "440300");
        assertThatThrownBy(() -> read(elsewhere)).isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
            assertThat(e.kind()).isEqualTo(InvalidDocumentException.Kind.INCONSISTENT);
            assertThat(e.violations())
                    .extracting(Violation::field)
                    .contains("setlinfo.medfee_sumamt", "setlinfo.certno");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"5261-hainan-settlement-query-output.json", "5262-hainan-settlement-query-output.json"})
    void a_dialect_reference_alone_is_refused_naming_the_failing_identity(String file) {
        assertThatThrownBy(() -> read(national(file))).isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
            assertThat(e.kind()).isEqualTo(InvalidDocumentException.Kind.INCONSISTENT);
            assertThat(e.violations()).extracting(Violation::code).contains("MEDFEE_SPLIT_MISMATCH");
            assertThat(e.violations()).extracting(Violation::field).contains("feedetail");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2204-hebei-outpatient-fee-upload-output.json",
                "2206-hebei-outpatient-presettlement-output.json",
                "2207-hebei-outpatient-settlement-output.json",
                "2208-hebei-outpatient-settlement-reversal-output.json",
                "2301-chongqing-inpatient-fee-upload-output.json",
                "2303-chongqing-inpatient-presettlement-output.json",
                "2304-chongqing-inpatient-settlement-output.json",
                "2305-chongqing-inpatient-settlement-reversal-output.json"
            })
    void a_message_part_alone_is_not_a_settlement(String file) {
        assertThatThrownBy(() -> read(national(file))).isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
            assertThat(e.kind()).isEqualTo(InvalidDocumentException.Kind.INCONSISTENT);
            assertThat(e.violations())
                    .isNotEmpty()
                    .allSatisfy(v -> assertThat(v.field()).isNotBlank());
        });
    }

    @Test
    void a_pre_settlement_bundle_reads_as_one() {
        ObjectNode doc = (ObjectNode) national("bundle-2304-hospital-part.json");
        doc.put("infno", "2303");
        ((ObjectNode) doc.get("setlinfo")).putNull("setl_id");
        Settlement s = read(doc);
        assertThat(s.provenance().isPreSettlement()).isTrue();
        assertThat(s.setlinfo().setlId()).isNull();
    }

    @Test
    void a_reversal_output_posted_as_a_settlement_is_sent_to_the_reversal_endpoint() {
        ObjectNode doc = (ObjectNode) national("bundle-2207-refund-lines.json");
        doc.put("infno", "2208");
        assertThatThrownBy(() -> read(doc))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .contains("REVERSAL_NOT_A_SETTLEMENT"));
    }

    @Test
    void times_with_milliseconds_an_offset_or_compact_read_as_beijing_wall_time() {
        for (String time : List.of(
                "2026-03-13 10:15:22.123",
                "2026-03-13T02:15:22Z",
                "2026-03-13 10:15:22+08:00",
                "20260313101522",
                "2026-03-13T10:15:22.000+08:00")) {
            ObjectNode doc = (ObjectNode) national("bundle-2304-hospital-part.json");
            ((ObjectNode) doc.get("setlinfo")).put("setl_time", time);
            LocalDateTime t = read(doc).setlinfo().setlTime();
            assertThat(t.withNano(0)).as(time).isEqualTo(LocalDateTime.of(2026, 3, 13, 10, 15, 22));
        }
        ObjectNode bad = (ObjectNode) national("bundle-2304-hospital-part.json");
        ((ObjectNode) bad.get("setlinfo")).put("setl_time", "13/03/2026");
        assertThatThrownBy(() -> read(bad))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("setlinfo.setl_time"));
    }

    @Test
    void blank_and_null_amounts_and_numbers_as_strings() {
        ObjectNode doc = (ObjectNode) national("bundle-2304-hospital-part.json");
        ObjectNode h = (ObjectNode) doc.get("setlinfo");
        h.put("hifmi_pay", "")
                .putNull("maf_pay")
                .put("medfee_sumamt", "22464.20")
                .putNull("hosp_part_amt")
                .put("ownpay_hosp_part", 612.5);
        ((ObjectNode) doc.get("feedetail").get(0)).put("cnt", "11.0000").put("pric", "50.000000");
        Settlement s = read(doc);
        assertThat(VALIDATOR.validate(s)).isEmpty();
        assertThat(s.setlinfo().hifmiPay()).isNull();
        assertThat(s.setlinfo().hospPartAmt()).isEqualTo(Money.parse("612.50"));
        assertThat(s.lines().stream()
                        .filter(l -> l.feedetlSn().equals("XM7301125"))
                        .findFirst()
                        .orElseThrow()
                        .cnt())
                .isEqualByComparingTo(new BigDecimal("11"));
    }

    @Test
    void the_institution_is_the_callers_unless_the_message_names_one_and_two_names_must_agree() {
        ObjectNode flat = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) flat.get("setlinfo")).remove("fixmedins_code");
        assertThat(READER.read(flat, "H31010100001").setlinfo().fixmedinsCode()).isEqualTo("H31010100001");

        ObjectNode two = (ObjectNode) national("bundle-2304-hospital-part.json");
        ((ObjectNode) two.get("setlinfo")).put("fixmedins_code", "H50010599999");
        assertThatThrownBy(() -> read(two))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .contains("FIXMEDINS_CODE_MISMATCH"));
    }

    @Test
    void the_data_feeds_5203_query_shape_reads_as_the_same_settlement() {
        ObjectNode doc = (ObjectNode) national("bundle-2304-hospital-part.json");
        Settlement expected = read(doc);
        doc.put("infno", "5203").remove("insuplc_admdvs");
        ObjectNode h = (ObjectNode) doc.get("setlinfo");
        h.set("psn_pay", h.remove("psn_part_amt"));
        h.set("cash_payamt", h.remove("psn_cash_pay"));
        h.put("insu_optins", "500112")
                .put("hosp_lv", "03")
                .put("begndate", "2026-03-02")
                .put("enddate", "2026-03-13");
        Settlement s = read(doc);
        assertThat(VALIDATOR.validate(s)).isEmpty();
        assertThat(s.provenance().kind()).isEqualTo(MessageKind.QUERY);
        assertThat(s.setlinfo().psnPartAmt()).isEqualTo(expected.setlinfo().psnPartAmt());
        assertThat(s.setlinfo().psnCashPay()).isEqualTo(expected.setlinfo().psnCashPay());
        assertThat(s.setlinfo().insuplcAdmdvs()).isEqualTo("500112");
        assertThat(s.setlinfo().hospLv()).isEqualTo("03");
        assertThat(s.admissionDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(BurdenCalculator.burdens(s).asList())
                .isEqualTo(BurdenCalculator.burdens(expected).asList());
    }

    @Test
    void a_platform_failure_is_not_a_settlement() {
        ObjectNode doc = (ObjectNode) national("bundle-2304-hospital-part.json");
        doc.put("infcode", -1).put("err_msg", "结算失败");
        assertThatThrownBy(() -> read(doc))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .contains("PLATFORM_ERROR"));
    }
}
