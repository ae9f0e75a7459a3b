package com.huibao.gateway.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
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

/**
 * ES256 (ECDSA on P-256 with SHA-256, JWS signature r‖s) on BouncyCastle's lightweight API, behind nimbus's
 * {@link JWSSigner} and {@link JWSVerifier} interfaces. Every request verifies one client token and signs one answer,
 * so this is on the hot path (docs/PERFORMANCE.md):
 * <ul>
 *   <li>one curve domain for the process, so the fixed-point table of the base point is computed once (through the
 *       JCA, BouncyCastle rebuilt the curve from the key's parameters and recomputed the table for every
 *       signature: 10 % of the gateway's CPU under load);</li>
 *   <li>one verifier per public key, kept, so the window table of the key's point is computed once too;</li>
 *   <li>deterministic nonces (RFC 6979), so signing needs no shared random source.</li>
 * </ul>
 * The JCA provider is still offered for nimbus code paths that take one (patient ID tokens).
 */
public final class FastEcdsa {
  private static final Provider PROVIDER = new BouncyCastleProvider();
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(),
      P256.getH());
  private static final Set<JWSAlgorithm> ES256 = Set.of(JWSAlgorithm.ES256);
  /** Verifiers by public key coordinates; bounded, since a key registry reload may bring new keys. */
  private static final Map<String, Verifier> VERIFIERS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_VERIFIERS = 10_000;

  private FastEcdsa() {
  }

  public static Provider provider() {
    return PROVIDER;
  }

  /** An ES256 signer for a P-256 private key. */
  public static JWSSigner signer(ECKey key) throws JOSEException {
    requireP256(key);
    if (!key.isPrivate()) {
      throw new JOSEException("an ES256 signer needs a private key");
    }
    return new Signer(new ECPrivateKeyParameters(key.getD().decodeToBigInteger(), DOMAIN));
  }

  /** An ES256 verifier for a P-256 public key (the same instance for the same key). */
  public static JWSVerifier verifier(ECKey key) throws JOSEException {
    requireP256(key);
    String id = key.getX() + "." + key.getY();
    Verifier v = VERIFIERS.get(id);
    if (v == null) {
      BigInteger x = key.getX().decodeToBigInteger();
      BigInteger y = key.getY().decodeToBigInteger();
      try {
        v = new Verifier(new ECPublicKeyParameters(DOMAIN.getCurve().validatePoint(x, y), DOMAIN));
      } catch (IllegalArgumentException e) {
        throw new JOSEException("the key is not a point of P-256", e);
      }
      if (VERIFIERS.size() >= MAX_CACHED_VERIFIERS) {
        VERIFIERS.clear();
      }
      VERIFIERS.put(id, v);
    }
    return v;
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

  /** Common to both: ES256 only, no JCA context of its own. */
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

  private static final class Signer extends Es256 implements JWSSigner {
    private final ECPrivateKeyParameters key;

    Signer(ECPrivateKeyParameters key) {
      this.key = key;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
      requireEs256(header);
      return Base64URL.encode(signRaw(signingInput));
    }

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

  private static final class Verifier extends Es256 implements JWSVerifier {
    private final ECPublicKeyParameters key;

    Verifier(ECPublicKeyParameters key) {
      this.key = key;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
      requireEs256(header);
      if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
        return false; // no critical extension is understood here
      }
      byte[] rs = signature.decode();
      if (rs.length != 64) {
        return false;
      }
      BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(rs, 0, 32));
      BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64));
      ECDSASigner ecdsa = new ECDSASigner();
      ecdsa.init(false, key);
      return ecdsa.verifySignature(sha256(signingInput), r, s); // r and s outside [1, n-1] are refused there
    }
  }
}
