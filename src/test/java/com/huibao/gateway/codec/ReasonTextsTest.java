package com.huibao.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.UnpaidReason;
import com.huibao.gateway.domain.claim.DirectSettlementConfirmation;
import com.huibao.gateway.domain.consent.ConsentRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reason the engine or a denial can give has its sentence in the one Chinese text file. */
class ReasonTextsTest {
    @Test
    void every_reason_code_has_a_chinese_sentence() {
        List<String> codes = new ArrayList<>();
        for (UnpaidReason r : UnpaidReason.values()) {
            codes.add(r.name());
        }
        codes.addAll(List.of(
                ConsentRules.NO_AUTHORIZATION,
                ConsentRules.CONSENT_REVOKED,
                ConsentRules.CONSENT_EXPIRED,
                ConsentRules.PURPOSE_NOT_GRANTED,
                ConsentRules.SETTLEMENT_NOT_COVERED,
                DirectSettlementConfirmation.ALREADY_CLAIMED));
        for (String code : codes) {
            assertThat(ReasonTexts.of(code)).as(code).isNotBlank().containsPattern("[\\u4e00-\\u9fff]");
        }
        assertThat(ReasonTexts.of("DEDUCTIBLE")).contains("免赔额");
        assertThat(ReasonTexts.of(null)).isNull();
    }
}
