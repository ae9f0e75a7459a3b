package com.huibao.gateway.adapter.http.auth;

import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.crypto.BodyHash;
import com.huibao.gateway.crypto.FastEcdsa;
import com.huibao.gateway.crypto.Sm2;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Authenticates a signed client request (SPEC §5): {@code Authorization: Bearer <JWT>} signed with a registered key
 * of the client, {@code iss} = {@code sub} = client id, {@code aud} = the gateway, {@code iat} and {@code exp} no
 * more than the configured lifetime apart, a {@code jti} (whose first use the caller checks), {@code htm}/{@code htu} naming this
 * request, and {@code bsh} the base64url SHA-256 of the exact body bytes. Algorithms outside the allow-list
 * ({@code none}, HMAC, …) are refused before any key is touched.
 */
public final class RequestAuthenticator {
    /** The allow-list: ES256 (P-256) and SM2-with-SM3 ({@code SM2SM3}, curve sm2p256v1). */
    static final JWSAlgorithm SM2SM3 = new JWSAlgorithm(Sm2.JWS_ALG);

    static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.ES256, SM2SM3);

    private final ClientRegistry registry;
    private final String audience;
    private final Duration maxLifetime;
    private final Duration skew;

    public RequestAuthenticator(ClientRegistry registry, String audience, Duration maxLifetime, Duration skew) {
        this.registry = registry;
        this.audience = audience;
        this.maxLifetime = maxLifetime;
        this.skew = skew;
    }

    /**
     * @param pathAndQuery the request target as received, e.g. {@code /v1/claims?status=PAID}
     * @param body         the exact body bytes (empty when there is none)
     */
    /** A token whose signature and claims hold; its {@code jti} must still be checked for first use. */
    /**
     * A token that verified. {@code addressAllowed} false: the client may not call from where it called (the caller
     * refuses it, 403, as an answer to a known client).
     */
    public record Verified(Principal principal, String jti, Instant expiresAt, boolean addressAllowed) {}

    public Verified authenticate(
            String authorization, String method, String pathAndQuery, byte[] body, String remoteIp, Instant now) {
        SignedJWT jwt = parse(authorization);
        JWSHeader header = jwt.getHeader();
        if (!ALLOWED.contains(header.getAlgorithm())) {
            throw AuthFailure.unauthorized(
                    "ALGORITHM_NOT_ALLOWED", "alg " + header.getAlgorithm() + " is not accepted");
        }
        if (header.getType() == null || !"JWT".equalsIgnoreCase(header.getType().getType())) {
            throw AuthFailure.unauthorized("INVALID_TOKEN", "the token's header must say typ JWT");
        }
        JWTClaimsSet claims = claims(jwt);
        String clientId = claims.getIssuer();
        if (clientId == null || !clientId.equals(claims.getSubject())) {
            throw AuthFailure.unauthorized("INVALID_TOKEN", "iss and sub must both be the client id");
        }
        RegisteredClient client = registry.get(clientId);
        if (client == null) {
            throw AuthFailure.unauthorized("UNKNOWN_CLIENT", "client is not registered");
        }
        if (SM2SM3.equals(header.getAlgorithm())) {
            verifySm2(jwt, sm2Key(client, header));
        } else {
            verifySignature(jwt, key(client, header));
        }
        checkClaims(claims, method, pathAndQuery, body, now);
        return new Verified(
                new Principal(client.clientId(), client.role(), client.tenant()),
                claims.getJWTID(),
                claims.getExpirationTime().toInstant().plus(skew),
                client.allowedIps().isEmpty() || client.allowedIps().contains(remoteIp));
    }

    private static SignedJWT parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw AuthFailure.unauthorized("MISSING_CREDENTIALS", "Authorization: Bearer <signed JWT> is required");
        }
        try {
            JWT jwt = JWTParser.parse(authorization.substring(7).trim());
            if (!(jwt instanceof SignedJWT signed)) {
                throw AuthFailure.unauthorized(
                        "ALGORITHM_NOT_ALLOWED", "unsigned or encrypted tokens are not accepted");
            }
            return signed;
        } catch (ParseException e) {
            throw AuthFailure.unauthorized("INVALID_TOKEN", "the token is not a compact JWS");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw AuthFailure.unauthorized("INVALID_TOKEN", "the token's claims are not a JSON object");
        }
    }

    /** The key named by {@code kid}; without a kid, the client's only key. Its type must fit the algorithm. */
    private static JWK key(RegisteredClient client, JWSHeader header) {
        List<JWK> keys = client.jwks().getKeys();
        JWK key;
        if (header.getKeyID() != null) {
            key = client.jwks().getKeyByKeyId(header.getKeyID());
        } else {
            key = keys.size() == 1 ? keys.get(0) : null;
        }
        if (key == null) {
            throw AuthFailure.unauthorized("UNKNOWN_KEY", "kid does not name a registered key of this client");
        }
        if (JWSAlgorithm.ES256.equals(header.getAlgorithm())
                && !(key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))) {
            throw AuthFailure.unauthorized("ALGORITHM_NOT_ALLOWED", "ES256 needs a registered P-256 key");
        }
        return key;
    }

    private static ECPublicKeyParameters sm2Key(RegisteredClient client, JWSHeader header) {
        ECPublicKeyParameters key = header.getKeyID() != null
                ? client.sm2Keys().get(header.getKeyID())
                : client.sm2Keys().size() == 1
                        ? client.sm2Keys().values().iterator().next()
                        : null;
        if (key == null) {
            throw AuthFailure.unauthorized("UNKNOWN_KEY", "kid does not name a registered SM2 key of this client");
        }
        return key;
    }

    private static void verifySm2(SignedJWT jwt, ECPublicKeyParameters key) {
        if (!Sm2.verify(key, jwt.getSigningInput(), jwt.getSignature().decode())) {
            throw AuthFailure.unauthorized("BAD_SIGNATURE", "the signature does not verify");
        }
    }

    private static void verifySignature(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = FastEcdsa.verifier(key.toECKey());
            if (!jwt.verify(verifier)) {
                throw AuthFailure.unauthorized("BAD_SIGNATURE", "the signature does not verify");
            }
        } catch (JOSEException e) {
            throw AuthFailure.unauthorized("BAD_SIGNATURE", "the signature does not verify");
        }
    }

    private void checkClaims(JWTClaimsSet c, String method, String pathAndQuery, byte[] body, Instant now) {
        if (c.getAudience() == null || !c.getAudience().contains(audience)) {
            throw AuthFailure.unauthorized("WRONG_AUDIENCE", "aud must name this gateway");
        }
        Date iat = c.getIssueTime();
        Date exp = c.getExpirationTime();
        if (iat == null || exp == null || c.getJWTID() == null || c.getJWTID().isBlank()) {
            throw AuthFailure.unauthorized("INVALID_TOKEN", "iat, exp and jti are required");
        }
        if (exp.toInstant().isAfter(iat.toInstant().plus(maxLifetime)) || !exp.after(iat)) {
            throw AuthFailure.unauthorized(
                    "TOKEN_LIFETIME_TOO_LONG",
                    "exp must be after iat and at most " + maxLifetime.toSeconds() + " s later");
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw AuthFailure.unauthorized("TOKEN_NOT_YET_VALID", "iat is in the future");
        }
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            throw AuthFailure.unauthorized("TOKEN_EXPIRED", "the token has expired");
        }
        if (!method.equals(stringClaim(c, "htm"))) {
            throw AuthFailure.unauthorized("WRONG_REQUEST", "htm must be the request method, in upper case");
        }
        if (!pathAndQuery.equals(stringClaim(c, "htu"))) {
            throw AuthFailure.unauthorized("WRONG_REQUEST", "htu does not match the request path and query");
        }
        String bsh = stringClaim(c, "bsh");
        if (body.length > 0 || bsh != null) {
            if (bsh == null
                    || !MessageDigest.isEqual(
                            bsh.getBytes(StandardCharsets.US_ASCII),
                            BodyHash.of(body).getBytes(StandardCharsets.US_ASCII))) {
                throw AuthFailure.unauthorized("BODY_MISMATCH", "bsh does not match the SHA-256 of the body");
            }
        }
    }

    private static String stringClaim(JWTClaimsSet c, String name) {
        Object v = c.getClaim(name);
        return v instanceof String s ? s : null;
    }
}
