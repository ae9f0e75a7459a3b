package com.huibao.gateway.app.port;

/**
 * A settlement as stored: the document exactly as it was received (either spelling) and the institution it was
 * stored for (the caller's code when the document had none). Read back with a {@link SettlementParser}.
 */
public record StoredDocument(String document, String fixmedinsCode) {}
