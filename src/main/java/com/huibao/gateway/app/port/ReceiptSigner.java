package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.consent.Consent;

/** Signs consent receipts: a JWS an insurer can verify offline with the gateway's published keys. */
public interface ReceiptSigner {
    String receipt(Consent consent, String personKey);
}
