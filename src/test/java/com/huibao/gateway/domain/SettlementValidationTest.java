package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.settlement.Identity;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfile;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Readers;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementValidationTest {
    private final SettlementValidator validator = new SettlementValidator(ValidationProfiles.defaults());

    private ObjectNode example() {
        return (ObjectNode) Examples.json("settlement-inpatient-1.json");
    }

    @Test
    void reports_every_broken_identity_with_its_field() {
        ObjectNode doc = example();
        ((ObjectNode) doc.get("feedetail").get(1)).put("det_item_fee_sumamt", "15000.01");
        ((ObjectNode) doc.get("setlinfo")).put("psn_cash_pay", "8000.00");
        ((ObjectNode) doc.get("setlinfo")).put("fund_pay_sumamt", "99999.00");
        ((ObjectNode) doc.get("feedetail").get(2)).put("cnt", 0);
        List<Violation> v = validator.validate(Readers.settlement(doc));
        assertThat(v)
                .extracting(Violation::field)
                .contains(
                        "feedetail[1].det_item_fee_sumamt",
                        "setlinfo.medfee_sumamt",
                        "setlinfo.psn_part_amt",
                        "setlinfo.fund_pay_sumamt",
                        "feedetail[2].cnt");
    }

    @Test
    void duplicate_line_numbers_and_negative_amounts_are_refused() {
        ObjectNode doc = example();
        ((ObjectNode) doc.get("feedetail").get(1)).put("feedetl_sn", "1");
        ((ObjectNode) doc.get("setlinfo")).put("hosp_part_amt", "-1.00");
        assertThat(validator.validate(Readers.settlement(doc)))
                .extracting(Violation::code)
                .contains("DUPLICATE_FEEDETL_SN", "NEGATIVE_AMOUNT");
    }

    @Test
    void three_decimals_and_missing_fields_are_malformed_all_at_once() {
        ObjectNode doc = example();
        ((ObjectNode) doc.get("setlinfo")).put("psn_part_amt", "9035.001");
        ((ObjectNode) doc.get("setlinfo")).remove("setl_time");
        ((ObjectNode) doc.get("feedetail").get(0)).put("cnt", "six");
        assertThatThrownBy(() -> Readers.settlement(doc)).isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
            assertThat(e.kind()).isEqualTo(InvalidDocumentException.Kind.MALFORMED);
            assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("setlinfo.psn_part_amt", "setlinfo.setl_time", "feedetail[0].cnt");
        });
    }

    @Test
    void amounts_may_be_numbers_or_strings_and_unknown_fields_are_accepted() {
        ObjectNode doc = example();
        ((ObjectNode) doc.get("setlinfo")).put("medfee_sumamt", new BigDecimal("26800.00"));
        ((ObjectNode) doc.get("setlinfo")).put("hifdm_pay", "0.00").put("clr_way", "1");
        assertThat(validator.validate(Readers.settlement(doc))).isEmpty();
    }

    @Test
    void a_regional_profile_can_drop_an_identity() {
        ObjectNode doc = example();
        ((ObjectNode) doc.get("setlinfo")).put("insuplc_admdvs", "440300");
        // A province whose fund_pay_sumamt includes the personal account (acct_pay 1000.00).
        ((ObjectNode) doc.get("setlinfo")).put("fund_pay_sumamt", "18765.00");
        ValidationProfile shenzhen =
                new ValidationProfile("gd", List.of("44"), EnumSet.complementOf(EnumSet.of(Identity.MEDFEE_SPLIT)));
        SettlementValidator regional =
                new SettlementValidator(new ValidationProfiles(List.of(shenzhen), ValidationProfile.DEFAULT));
        assertThat(regional.validate(Readers.settlement(doc))).isEmpty();
        assertThat(validator.validate(Readers.settlement(doc)))
                .extracting(Violation::code)
                .contains("MEDFEE_SPLIT_MISMATCH");
    }

    @Test
    void huge_amounts_are_refused_before_any_arithmetic() {
        ObjectNode doc = example();
        ((ObjectNode) doc.get("feedetail").get(0))
                .put("det_item_fee_sumamt", "999999999999999.00")
                .put("inscp_scp_amt", "999999999999998.00");
        assertThat(validator.validate(Readers.settlement(doc)))
                .extracting(Violation::code)
                .contains("AMOUNT_OUT_OF_RANGE");
        ((ObjectNode) doc.get("feedetail").get(0)).put("det_item_fee_sumamt", "999999999999999999999.00");
        assertThatThrownBy(() -> Readers.settlement(doc))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("feedetail[0].det_item_fee_sumamt"));
    }
}
