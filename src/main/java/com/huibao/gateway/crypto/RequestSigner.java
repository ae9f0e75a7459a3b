package com.huibao.gateway.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * The client side of {@link RequestAuthenticator}: signs one request with an ES256 private key. Used by the
 * {@code sign} command (and so by {@code scripts/demo.sh}) and by the tests.
 */
public final class RequestSigner {
    private final ECKey key;
    private final ECPrivateKeyParameters sm2Key;
    private final String sm2Kid;
    private final String clientId;
    private final String audience;

    public RequestSigner(ECKey privateKey, String clientId, String audience) {
        this.key = privateKey;
        this.sm2Key = null;
        this.sm2Kid = null;
        this.clientId = clientId;
        this.audience = audience;
    }

    private RequestSigner(ECPrivateKeyParameters sm2Key, String kid, String clientId, String audience) {
        this.key = null;
        this.sm2Key = sm2Key;
        this.sm2Kid = kid;
        this.clientId = clientId;
        this.audience = audience;
    }

    /** A signer producing {@code SM2SM3} tokens (SM2 with SM3, user ID 1234567812345678, raw r‖s). */
    public static RequestSigner sm2(ECPrivateKeyParameters key, String kid, String clientId, String audience) {
        return new RequestSigner(key, kid, clientId, audience);
    }

    public String sign(String method, String pathAndQuery, byte[] body) {
        return sign(
                method,
                pathAndQuery,
                body,
                Instant.now(),
                Duration.ofMinutes(2),
                UUID.randomUUID().toString());
    }

    public String sign(String method, String pathAndQuery, byte[] body, Instant iat, Duration lifetime, String jti) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plus(lifetime)))
                .jwtID(jti)
                .claim("htm", method.toUpperCase(Locale.ROOT))
                .claim("htu", pathAndQuery);
        if (body != null && body.length > 0) {
            claims.claim("bsh", BodyHash.of(body));
        }
        if (sm2Key != null) {
            JWSHeader header = new JWSHeader.Builder(new JWSAlgorithm(Sm2.JWS_ALG))
                    .keyID(sm2Kid)
                    .type(JOSEObjectType.JWT)
                    .build();
            String input = header.toBase64URL() + "."
                    + Base64URL.encode(claims.build().toString().getBytes(StandardCharsets.UTF_8));
            byte[] signature = Sm2.sign(sm2Key, input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64URL.encode(signature);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(FastEcdsa.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
