package com.huibao.gateway.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;
import org.conscrypt.Conscrypt;

/**
 * ES256 (ECDSA on P-256 with SHA-256, JWS signature r‖s) behind nimbus's {@link JWSSigner} and {@link JWSVerifier}
 * interfaces. Every request verifies one client token and signs one answer, so this is on the hot path
 * (docs/PERFORMANCE.md):
 * <ul>
 *   <li>native code where it loads: BoringSSL through Conscrypt (sign 47 µs, verify 87 µs on our machine), keys
 *       converted to its own form once;</li>
 *   <li>elsewhere BouncyCastle's lightweight API (133 / 156 µs): one curve domain for the process, so the fixed-point
 *       table of the base point is computed once (through the JCA, BouncyCastle rebuilt the curve from the key's
 *       parameters and recomputed it for every signature), deterministic nonces (RFC 6979);</li>
 *   <li>one verifier per public key, kept (for BouncyCastle, the window table of the key's point is computed
 *       once).</li>
 * </ul>
 * The BouncyCastle JCA provider is still offered for nimbus code paths that take one (patient ID tokens with
 * algorithms other than ES256).
 */
public final class FastEcdsa {
    private static final Provider PROVIDER = new BouncyCastleProvider();
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final Set<JWSAlgorithm> ES256 = Set.of(JWSAlgorithm.ES256);
    /** Verifiers by public key coordinates; bounded, since a key registry reload may bring new keys. */
    private static final Map<String, JWSVerifier> VERIFIERS = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_VERIFIERS = 10_000;
    /** Conscrypt, or null where its native library does not load. */
    private static final Provider NATIVE = loadNative();

    private FastEcdsa() {}

    public static Provider provider() {
        return PROVIDER;
    }

    /** Whether ES256 runs in native code (Conscrypt) in this process. */
    public static boolean isNative() {
        return NATIVE != null;
    }

    /** An ES256 signer for a P-256 private key. */
    public static JWSSigner signer(ECKey key) throws JOSEException {
        return NATIVE != null ? nativeSigner(key) : bcSigner(key);
    }

    /** An ES256 verifier for a P-256 public key (the same instance for the same key). */
    public static JWSVerifier verifier(ECKey key) throws JOSEException {
        requireP256(key);
        String id = key.getX() + "." + key.getY();
        JWSVerifier v = VERIFIERS.get(id);
        if (v == null) {
            v = NATIVE != null ? nativeVerifier(key) : bcVerifier(key);
            if (VERIFIERS.size() >= MAX_CACHED_VERIFIERS) {
                VERIFIERS.clear();
            }
            VERIFIERS.put(id, v);
        }
        return v;
    }

    static JWSSigner bcSigner(ECKey key) throws JOSEException {
        requirePrivateP256(key);
        return new Signer(new ECPrivateKeyParameters(key.getD().decodeToBigInteger(), DOMAIN));
    }

    static JWSVerifier bcVerifier(ECKey key) throws JOSEException {
        requireP256(key);
        BigInteger x = key.getX().decodeToBigInteger();
        BigInteger y = key.getY().decodeToBigInteger();
        try {
            return new Verifier(new ECPublicKeyParameters(DOMAIN.getCurve().validatePoint(x, y), DOMAIN));
        } catch (IllegalArgumentException e) {
            throw new JOSEException("the key is not a point of P-256", e);
        }
    }

    static JWSSigner nativeSigner(ECKey key) throws JOSEException {
        requirePrivateP256(key);
        try {
            PrivateKey k = KeyFactory.getInstance("EC", NATIVE)
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(key.toECPrivateKey().getEncoded()));
            return new NativeSigner(k);
        } catch (GeneralSecurityException e) {
            throw new JOSEException("the key cannot be used for ES256: " + e.getMessage(), e);
        }
    }

    static JWSVerifier nativeVerifier(ECKey key) throws JOSEException {
        requireP256(key);
        bcVerifier(key); // the same point check as the fallback, whatever the native side accepts
        try {
            PublicKey k = KeyFactory.getInstance("EC", NATIVE)
                    .generatePublic(new X509EncodedKeySpec(key.toECPublicKey().getEncoded()));
            return new NativeVerifier(k);
        } catch (GeneralSecurityException e) {
            throw new JOSEException("the key cannot be used for ES256: " + e.getMessage(), e);
        }
    }

    private static Provider loadNative() {
        try {
            if (Conscrypt.isAvailable()) {
                Provider p = Conscrypt.newProvider();
                Signature.getInstance("SHA256withECDSA", p); // the algorithm is there
                return p;
            }
        } catch (LinkageError | GeneralSecurityException | RuntimeException e) {
            // no native library for this platform: BouncyCastle it is
        }
        return null;
    }

    private static void requirePrivateP256(ECKey key) throws JOSEException {
        requireP256(key);
        if (!key.isPrivate()) {
            throw new JOSEException("an ES256 signer needs a private key");
        }
    }

    private static void requireP256(ECKey key) throws JOSEException {
        if (!Curve.P_256.equals(key.getCurve())) {
            throw new JOSEException("ES256 needs a P-256 key, not " + key.getCurve());
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Common to all four: ES256 only, no JCA context of its own. */
    private abstract static class Es256 {
        private final JCAContext jca = new JCAContext();

        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return ES256;
        }

        public JCAContext getJCAContext() {
            return jca;
        }

        static void requireEs256(JWSHeader header) throws JOSEException {
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                throw new JOSEException("unsupported JWS algorithm " + header.getAlgorithm() + ", expected ES256");
            }
        }
    }

    /** An ES256 signer given the raw r‖s signature of its signing input. */
    private abstract static class RawSigner extends Es256 implements JWSSigner {
        @Override
        public final Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            requireEs256(header);
            return Base64URL.encode(signRaw(signingInput));
        }

        abstract byte[] signRaw(byte[] signingInput) throws JOSEException;
    }

    /** An ES256 verifier given a signature of the right shape (r‖s, 64 bytes, no critical extension). */
    private abstract static class RawVerifier extends Es256 implements JWSVerifier {
        @Override
        public final boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            requireEs256(header);
            if (header.getCriticalParams() != null
                    && !header.getCriticalParams().isEmpty()) {
                return false; // no critical extension is understood here
            }
            byte[] rs = signature.decode();
            return rs.length == 64 && verifyRaw(signingInput, rs);
        }

        abstract boolean verifyRaw(byte[] signingInput, byte[] rs);
    }

    private static final class Signer extends RawSigner {
        private final ECPrivateKeyParameters key;

        Signer(ECPrivateKeyParameters key) {
            this.key = key;
        }

        @Override
        byte[] signRaw(byte[] signingInput) {
            ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            ecdsa.init(true, key);
            BigInteger[] rs = ecdsa.generateSignature(sha256(signingInput));
            byte[] out = new byte[64];
            BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
            BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
            return out;
        }
    }

    private static final class Verifier extends RawVerifier {
        private final ECPublicKeyParameters key;

        Verifier(ECPublicKeyParameters key) {
            this.key = key;
        }

        @Override
        boolean verifyRaw(byte[] signingInput, byte[] rs) {
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
            ECDSASigner ecdsa = new ECDSASigner();
            ecdsa.init(false, key);
            return ecdsa.verifySignature(sha256(signingInput), r, s); // r and s outside [1, n-1] are refused there
        }
    }

    private static final class NativeSigner extends RawSigner {
        private final PrivateKey key;

        NativeSigner(PrivateKey key) {
            this.key = key;
        }

        @Override
        byte[] signRaw(byte[] signingInput) throws JOSEException {
            try {
                Signature s = Signature.getInstance("SHA256withECDSA", NATIVE);
                s.initSign(key);
                s.update(signingInput);
                return ECDSA.transcodeSignatureToConcat(s.sign(), 64);
            } catch (GeneralSecurityException e) {
                throw new JOSEException("ES256 signing failed: " + e.getMessage(), e);
            }
        }
    }

    private static final class NativeVerifier extends RawVerifier {
        private final PublicKey key;

        NativeVerifier(PublicKey key) {
            this.key = key;
        }

        @Override
        boolean verifyRaw(byte[] signingInput, byte[] rs) {
            try {
                Signature s = Signature.getInstance("SHA256withECDSA", NATIVE);
                s.initVerify(key);
                s.update(signingInput);
                return s.verify(ECDSA.transcodeSignatureToDER(rs));
            } catch (GeneralSecurityException | JOSEException e) {
                return false; // r or s out of range, or not encodable: not a valid signature
            }
        }
    }
}
