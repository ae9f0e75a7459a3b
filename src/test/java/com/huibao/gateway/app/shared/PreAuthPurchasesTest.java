package com.huibao.gateway.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.port.PreAuthLedger;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.support.SettlementBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a settlement's uses of approvals keep once partial refunds have returned some of what they bought. */
class PreAuthPurchasesTest {
    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);

    private static PreAuthLedger.Use use(UUID approval, String sn, String quantity) {
        return new PreAuthLedger.Use(approval, "S-1", sn, new BigDecimal(quantity));
    }

    @Test
    void each_use_keeps_at_most_its_lines_net_quantity_and_only_changed_uses_are_named() {
        // as it stands: line 1 bought 3, one returned (net 2); line 2 returned in full (gone); line 3 untouched
        Settlement net = SettlementBuilder.settlement()
                .id("S-1")
                .add(SettlementBuilder.fee("1").selfPaid("30000.00").cnt("2"))
                .add(SettlementBuilder.fee("3").selfPaid("15000.00").cnt("1"))
                .build();
        List<PreAuthLedger.Use> uses = List.of(use(A, "1", "3"), use(B, "2", "2"), use(A, "3", "1"));

        List<PreAuthLedger.KeptUse> kept = PreAuthPurchases.afterRefund(net, uses);

        assertThat(kept)
                .extracting(k -> k.use().feedetlSn() + ": keeps " + k.quantity().toPlainString() + ", returns "
                        + k.returned().toPlainString())
                .containsExactly("1: keeps 2, returns 1", "2: keeps 0, returns 2");
    }

    @Test
    void a_settlement_without_refunds_changes_no_use() {
        Settlement s = SettlementBuilder.settlement()
                .id("S-1")
                .add(SettlementBuilder.fee("1").selfPaid("30000.00").cnt("2"))
                .build();

        assertThat(PreAuthPurchases.afterRefund(s, List.of(use(A, "1", "2")))).isEmpty();
    }
}
