package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.crypto.PiiProtector;
import com.huibao.gateway.boot.config.GatewayConfig;

/** Where the PII keys come from: configuration, or in demo mode the demo key below. */
final class Keys {
  /**
   * DEMO ONLY — NOT A SECRET. Used solely when demo mode is on and no PII key is configured; production refuses to
   * start without {@code GATEWAY_PII_KEY_ID}, {@code GATEWAY_PII_KEY_HEX} and {@code GATEWAY_PII_HMAC_KEY_HEX}.
   */
  static final String DEMO_KEY_ID = "demo-2026";
  static final String DEMO_KEY_HEX = "00112233445566778899aabbccddeeff";
  static final String DEMO_HMAC_KEY_HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

  private Keys() {
  }

  /** The response-signing key: the configured file, or in demo mode the demo key of config/demo/keys. */
  static com.huibao.gateway.adapter.crypto.ResponseSigner responseSigner(GatewayConfig config)
      throws java.io.IOException, java.text.ParseException, com.nimbusds.jose.JOSEException {
    java.nio.file.Path file = config.signingKeyFile() != null ? config.signingKeyFile()
        : config.demoDir().resolve("keys/gateway.private.jwk");
    return new com.huibao.gateway.adapter.crypto.ResponseSigner(com.nimbusds.jose.jwk.ECKey.parse(
        java.nio.file.Files.readString(file)));
  }

  static PiiProtector pii(GatewayConfig config) {
    GatewayConfig.PiiConfig p = config.pii();
    if (p.keyHex().isEmpty() && config.demo()) {
      return PiiProtector.fromHex(DEMO_KEY_ID, DEMO_KEY_HEX, DEMO_HMAC_KEY_HEX);
    }
    return PiiProtector.fromHex(p.keyId(), p.keyHex(), p.hmacKeyHex());
  }
}
