package com.huibao.gateway.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;

/**
 * SM2 signatures with SM3 (GM/T 0003/0004) as the gateway uses them in JWS: curve sm2p256v1, the user ID
 * {@code 1234567812345678} bound into the digest explicitly (OpenSSL 3 defaults to an empty ID; a wrong ID shows
 * only as a bad signature), and the signature as raw r‖s (64 bytes), like ES256. Keys travel as JWKs
 * {@code {"kty": "EC", "crv": "SM2", "x": …, "y": …}} (base64url, 32 bytes each).
 */
public final class Sm2 {
    /** The JWS {@code alg} name of SM2-with-SM3 (not IANA-registered; documented in the contract). */
    public static final String JWS_ALG = "SM2SM3";

    public static final String CURVE = "SM2";
    static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final X9ECParameters X9 = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN(), X9.getH());
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {}

    /** A key pair; the private part for clients and tests only. */
    public record KeyPair(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey) {}

    public static KeyPair generate() {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        return new KeyPair((ECPrivateKeyParameters) kp.getPrivate(), (ECPublicKeyParameters) kp.getPublic());
    }

    public static byte[] sign(ECPrivateKeyParameters key, byte[] message) {
        return sign(key, message, USER_ID);
    }

    static byte[] sign(ECPrivateKeyParameters key, byte[] message, byte[] userId) {
        SM2Signer s = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        s.init(true, new ParametersWithID(new ParametersWithRandom(key, RANDOM), userId));
        s.update(message, 0, message.length);
        try {
            return s.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A signer for one key that many threads may use: each thread keeps its own initialised {@link SM2Signer}, so that
     * the public point and the user-ID digest {@code Z} (a scalar multiplication and a hash, half the cost of a
     * signature) are computed once per thread, not once per signature. BouncyCastle's signer resets itself to
     * {@code Z} after each signature.
     */
    public static final class ReusableSigner {
        private final ThreadLocal<SM2Signer> signers;

        public ReusableSigner(ECPrivateKeyParameters key) {
            this.signers = ThreadLocal.withInitial(() -> {
                SM2Signer s = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
                s.init(true, new ParametersWithID(new ParametersWithRandom(key, RANDOM), USER_ID));
                return s;
            });
        }

        /** Raw r‖s (64 bytes) of {@code message}. */
        public byte[] sign(byte[] message) {
            SM2Signer s = signers.get();
            s.update(message, 0, message.length);
            try {
                return s.generateSignature();
            } catch (CryptoException e) {
                s.reset();
                throw new IllegalStateException(e);
            }
        }
    }

    public static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        SM2Signer s = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        s.init(false, new ParametersWithID(key, USER_ID));
        s.update(message, 0, message.length);
        return s.verifySignature(signature);
    }

    /** The public key from a JWK's base64url {@code x} and {@code y}; refuses points not on the curve. */
    public static ECPublicKeyParameters publicKey(String x, String y) {
        ECPoint p = DOMAIN.getCurve()
                .createPoint(
                        new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                        new BigInteger(1, Base64.getUrlDecoder().decode(y)));
        if (!p.isValid() || p.isInfinity()) {
            throw new IllegalArgumentException("the SM2 key is not a point of sm2p256v1");
        }
        return new ECPublicKeyParameters(p, DOMAIN);
    }

    /** A private SM2 key read from a JWK ({@code kty EC, crv SM2, d, x, y, kid}). */
    public record PrivateJwk(String kid, ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey) {
        /** Parses a JWK; checks that {@code x, y} are the public point of {@code d}. */
        public static PrivateJwk parse(String json) {
            try {
                JsonNode n = new ObjectMapper().readTree(json);
                if (!CURVE.equals(n.path("crv").asText()) || !n.hasNonNull("d")) {
                    throw new IllegalArgumentException("not a private SM2 JWK (crv SM2 with d)");
                }
                ECPrivateKeyParameters priv = new ECPrivateKeyParameters(
                        new BigInteger(
                                1, Base64.getUrlDecoder().decode(n.get("d").asText())),
                        DOMAIN);
                ECPublicKeyParameters pub =
                        Sm2.publicKey(n.path("x").asText(), n.path("y").asText());
                if (!DOMAIN.getG()
                        .multiply(priv.getD())
                        .normalize()
                        .equals(pub.getQ().normalize())) {
                    throw new IllegalArgumentException("the SM2 JWK's x, y are not the public point of its d");
                }
                return new PrivateJwk(n.path("kid").asText("sm2"), priv, pub);
            } catch (IOException e) {
                throw new IllegalArgumentException("the SM2 JWK is not JSON", e);
            }
        }
    }

    /** The public JWK of a key. */
    public static String publicJwk(ECPublicKeyParameters key, String kid) {
        ECPoint p = key.getQ().normalize();
        return "{\"kty\":\"EC\",\"crv\":\"" + CURVE + "\",\"kid\":\"" + kid + "\",\"alg\":\"" + JWS_ALG + "\",\"x\":\""
                + b64(p.getAffineXCoord().getEncoded()) + "\",\"y\":\""
                + b64(p.getAffineYCoord().getEncoded()) + "\"}";
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
