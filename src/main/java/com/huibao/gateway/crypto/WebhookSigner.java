package com.huibao.gateway.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signs webhook deliveries with the webhook key (its own {@code kid}, purpose {@code webhook}; not the response or
 * receipt key), the Standard Webhooks way: over {@code id.timestamp.body} — the event id ({@code Huibao-Event-Id}),
 * the delivery time in Unix seconds ({@code Huibao-Timestamp}) and the exact body — so that neither an old delivery
 * with a fresh timestamp nor another event's body verifies. The signature is a detached JWS ({@code typ}
 * {@value #TYPE}) in ES256, or in SM2SM3 (SM2 with SM3, user ID 1234567812345678, raw r‖s) for insurers who choose
 * it (docs/SECURITY.md, "Webhooks").
 */
public final class WebhookSigner {
    public static final String TYPE = "huibao-webhook";

    private final JWSSigner signer;
    private final JWSHeader header;
    /** base64url of {@link #header}. */
    private final String headerPart;

    private final Sm2.ReusableSigner sm2;
    private final String sm2HeaderPart;

    /** {@code sm2} may be null: then SM2SM3 registrations are refused. */
    public WebhookSigner(ECKey key, Sm2.PrivateJwk sm2) throws JOSEException {
        this.signer = FastEcdsa.signer(key);
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType(TYPE))
                .build();
        this.headerPart = header.toBase64URL().toString();
        this.sm2 = sm2 == null ? null : new Sm2.ReusableSigner(sm2.privateKey());
        this.sm2HeaderPart = sm2 == null
                ? null
                : Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("{\"alg\":\"" + Sm2.JWS_ALG + "\",\"kid\":\"" + sm2.kid() + "\",\"typ\":\""
                                        + TYPE + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
    }

    public boolean signsSm2() {
        return sm2 != null;
    }

    /** What is signed: {@code id.timestamp.body}. */
    public static byte[] signedContent(String eventId, long timestamp, byte[] body) {
        byte[] head = (eventId + "." + timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** The detached JWS ({@code header..signature}) of {@code id.timestamp.body}, ES256 or SM2SM3. */
    public String sign(String eventId, long timestamp, byte[] body, String alg) {
        boolean sm2Alg = Sm2.JWS_ALG.equals(alg);
        if (sm2Alg && sm2 == null) {
            throw new IllegalStateException("no SM2 signing key is configured");
        }
        String head = sm2Alg ? sm2HeaderPart : headerPart;
        // the signing input built here with the JDK's base64, as ResponseSigner does (nimbus's encoder is slower)
        byte[] payload = Base64.getUrlEncoder().withoutPadding().encode(signedContent(eventId, timestamp, body));
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[headBytes.length + 1 + payload.length];
        System.arraycopy(headBytes, 0, input, 0, headBytes.length);
        input[headBytes.length] = '.';
        System.arraycopy(payload, 0, input, headBytes.length + 1, payload.length);
        if (sm2Alg) {
            return head + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(sm2.sign(input));
        }
        try {
            return head + ".." + signer.sign(header, input);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
