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
    java.nio.file.Path sm2File = config.sm2SigningKeyFile() != null ? config.sm2SigningKeyFile()
        : config.demo() ? config.demoDir().resolve("keys/gateway-sm2.private.jwk") : null;
    com.huibao.gateway.adapter.crypto.Sm2.PrivateJwk sm2 = sm2File == null ? null
        : com.huibao.gateway.adapter.crypto.Sm2.PrivateJwk.parse(java.nio.file.Files.readString(sm2File));
    return new com.huibao.gateway.adapter.crypto.ResponseSigner(com.nimbusds.jose.jwk.ECKey.parse(
        java.nio.file.Files.readString(file)), sm2, config.gatewayId());
  }

  /** DEMO ONLY: the demo identity provider of the H5 page, used when demo mode is on and no issuer is configured. */
  static final String DEMO_PATIENT_ISSUER = "https://idp.demo.huibao.local";
  static final String DEMO_PATIENT_AUDIENCE = "huibao-h5";

  /** The patients' token verifier: the configured provider, the demo one in demo mode, or none. */
  static com.huibao.gateway.adapter.auth.PatientTokenVerifier patients(GatewayConfig config, PiiProtector pii)
      throws Exception {
    GatewayConfig.PatientConfig p = config.patient();
    if (!p.issuer().isEmpty()) {
      return new com.huibao.gateway.adapter.auth.PatientTokenVerifier(p.issuer(), p.audience(), p.jwks(),
          p.algorithms(), p.clockSkewSeconds(), pii);
    }
    if (config.demo()) {
      return new com.huibao.gateway.adapter.auth.PatientTokenVerifier(DEMO_PATIENT_ISSUER, DEMO_PATIENT_AUDIENCE,
          config.demoDir().resolve("patient-idp.jwks.json").toString(), java.util.List.of("ES256"),
          p.clockSkewSeconds(), pii);
    }
    return null;
  }

  static PiiProtector pii(GatewayConfig config) {
    GatewayConfig.PiiConfig p = config.pii();
    if (p.keyHex().isEmpty() && config.demo()) {
      return PiiProtector.fromHex(DEMO_KEY_ID, DEMO_KEY_HEX, DEMO_HMAC_KEY_HEX);
    }
    return PiiProtector.fromHex(p.keyId(), p.keyHex(), p.hmacKeyHex());
  }
}
