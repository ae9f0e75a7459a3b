package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.settlement.Settlement;

/**
 * A settlement as it is to be stored: the parsed form, the document exactly as received (to be kept encrypted), the
 * hash that identifies its content, and where it came from ({@code HOSPITAL} or {@code DATA_FEED}).
 */
public record StoredSettlement(Settlement settlement, String document, String contentHash, String source) {}
