package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.http.auth.PatientTokenVerifier;
import com.huibao.gateway.boot.config.GatewayConfig;
import com.huibao.gateway.crypto.ConsentReceiptSigner;
import com.huibao.gateway.crypto.GatewayJwks;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.crypto.ResponseSigner;
import com.huibao.gateway.crypto.SlipSigner;
import com.huibao.gateway.crypto.Sm2;
import com.huibao.gateway.crypto.WebhookSigner;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where the PII keys come from: configuration, or in demo mode the demo key below. */
final class Keys {
    /**
     * DEMO ONLY — NOT A SECRET. Used solely when demo mode is on and no PII key is configured; production refuses to
     * start without {@code GATEWAY_PII_KEY_ID}, {@code GATEWAY_PII_KEY_HEX} and {@code GATEWAY_PII_HMAC_KEY_HEX}.
     */
    static final String DEMO_KEY_ID = "demo-2026";

    static final String DEMO_KEY_HEX = "00112233445566778899aabbccddeeff";
    static final String DEMO_HMAC_KEY_HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private Keys() {}

    /** The gateway's signing keys, one per purpose, and the JWKS that publishes them. */
    record Signing(
            ResponseSigner responses,
            WebhookSigner webhooks,
            ConsentReceiptSigner receipts,
            SlipSigner slips,
            GatewayJwks jwks) {}

    /**
     * The keys of configuration, or in demo mode the demo keys of config/demo/keys (configuration checks that outside
     * demo mode every purpose has its key). Two purposes may not share a key: the JWKS names one purpose per key, and
     * a signature of one purpose must never verify as another (docs/SECURITY.md).
     */
    static Signing signing(GatewayConfig config) throws IOException, ParseException, JOSEException {
        Path demoKeys = config.demoDir().resolve("keys");
        ECKey response = ECKey.parse(Files.readString(
                config.signingKeyFile() != null ? config.signingKeyFile() : demoKeys.resolve("gateway.private.jwk")));
        ECKey webhook = ECKey.parse(Files.readString(
                config.signing().webhookKeyFile() != null
                        ? config.signing().webhookKeyFile()
                        : demoKeys.resolve("gateway-webhook.private.jwk")));
        ECKey receipt = ECKey.parse(Files.readString(
                config.signing().receiptKeyFile() != null
                        ? config.signing().receiptKeyFile()
                        : demoKeys.resolve("gateway-receipt.private.jwk")));
        Path sm2File = config.sm2SigningKeyFile() != null
                ? config.sm2SigningKeyFile()
                : config.demo() ? demoKeys.resolve("gateway-sm2.private.jwk") : null;
        Sm2.PrivateJwk sm2 = sm2File == null ? null : Sm2.PrivateJwk.parse(Files.readString(sm2File));
        List<GatewayJwks.Published> published = new ArrayList<>();
        published.add(new GatewayJwks.Published(response, "response", false));
        published.add(new GatewayJwks.Published(webhook, "webhook", false));
        published.add(new GatewayJwks.Published(receipt, "receipt", false));
        for (GatewayConfig.RetiredKey retired : config.signing().retiredKeys()) {
            published.add(
                    new GatewayJwks.Published(ECKey.parse(Files.readString(retired.file())), retired.purpose(), true));
        }
        Set<String> kids = new HashSet<>();
        for (GatewayJwks.Published p : published) {
            if (!kids.add(p.key().getKeyID())) {
                throw new IllegalArgumentException(
                        "signing: the key " + p.key().getKeyID() + " is configured for more than "
                                + "one purpose (or twice); each purpose needs a key of its own");
            }
        }
        return new Signing(
                new ResponseSigner(response),
                new WebhookSigner(webhook, sm2),
                new ConsentReceiptSigner(receipt, config.gatewayId()),
                new SlipSigner(receipt, config.gatewayId()),
                new GatewayJwks(published, sm2));
    }

    /** DEMO ONLY: the demo identity provider of the H5 page, used when demo mode is on and no issuer is configured. */
    static final String DEMO_PATIENT_ISSUER = "https://idp.demo.huibao.local";

    static final String DEMO_PATIENT_AUDIENCE = "huibao-h5";

    /** The patients' token verifier: the configured provider, the demo one in demo mode, or none. */
    static PatientTokenVerifier patients(GatewayConfig config, PiiProtector pii) throws Exception {
        GatewayConfig.PatientConfig p = config.patient();
        if (!p.issuer().isEmpty()) {
            return new PatientTokenVerifier(
                    p.issuer(), p.audience(), p.jwks(), p.algorithms(), p.clockSkewSeconds(), pii);
        }
        if (config.demo()) {
            return new PatientTokenVerifier(
                    DEMO_PATIENT_ISSUER,
                    DEMO_PATIENT_AUDIENCE,
                    config.demoDir().resolve("patient-idp.jwks.json").toString(),
                    List.of("ES256"),
                    p.clockSkewSeconds(),
                    pii);
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
