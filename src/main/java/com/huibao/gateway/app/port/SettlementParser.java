package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.util.List;

/** Reads a settlement document of either spelling (docs/SETTLEMENTS.md) into the domain's settlement. */
public interface SettlementParser {
    /**
     * @param defaultInstitution the {@code fixmedins_code} when the document has none
     * @throws InvalidDocumentException when it is not a readable settlement
     */
    Settlement parse(String document, String defaultInstitution);

    /**
     * The stored settlement net of its refunds (each {@code {"setlinfo": {negative amounts}, "feedetail": [refund
     * lines]}}, in order), read and checked like any settlement.
     *
     * @throws InvalidDocumentException when the net settlement is not consistent (a refund larger than its line, …)
     */
    Settlement parseRefunded(String document, List<String> refunds, String defaultInstitution);
}
