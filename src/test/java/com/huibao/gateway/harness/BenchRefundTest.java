package com.huibao.gateway.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.Readers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's refunds are what a basic insurance would send: the net settlement is consistent, line 4 gone. */
class BenchRefundTest {
    @Test
    void the_refund_of_line_4_leaves_a_consistent_settlement_without_it() {
        for (int k = 0; k < 50; k++) {
            String original = new String(BenchData.settlement("B-" + k, k, k), StandardCharsets.UTF_8);
            ObjectNode refund = (ObjectNode)
                    Json.parse(new String(BenchData.refundOfLine4("R", "B-" + k, k, k), StandardCharsets.UTF_8));
            refund.remove("refund_id");
            Settlement net = Readers.reader().parseRefunded(original, List.of(Json.write(refund)), null);
            assertThat(new SettlementValidator(ValidationProfiles.defaults()).validate(net))
                    .as("settlement %d", k)
                    .isEmpty();
            assertThat(net.lines()).hasSize(29);
            assertThat(net.lines()).noneMatch(l -> l.feedetlSn().equals("4"));
        }
    }
}
