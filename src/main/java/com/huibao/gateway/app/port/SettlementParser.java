package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.validation.InvalidDocumentException;

/** Reads a settlement document of either spelling (docs/SETTLEMENTS.md) into the domain's settlement. */
public interface SettlementParser {
    /**
     * @param defaultInstitution the {@code fixmedins_code} when the document has none
     * @throws InvalidDocumentException when it is not a readable settlement
     */
    Settlement parse(String document, String defaultInstitution);
}
