package com.huibao.gateway.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The gateway's signature over what it answers: a detached compact JWS (ES256, {@code header..signature}) of the
 * exact response body bytes, so that a client can prove what it was told. Its public key is published as a JWKS.
 */
public final class ResponseSigner implements com.huibao.gateway.app.port.ReceiptSigner {
  private final ECKey key;
  private final JWSSigner signer;
  private final JWSHeader header;
  /** base64url of {@link #header}, the first part of every response signature. */
  private final String headerPart;
  private final String issuer;
  private final Sm2.PrivateJwk sm2;

  public ResponseSigner(ECKey privateKey, String issuer) throws JOSEException {
    this(privateKey, null, issuer);
  }

  /** With an SM2 key too ({@code sm2} may be null): then {@link #sign(byte[], String)} also signs SM2SM3. */
  public ResponseSigner(ECKey privateKey, Sm2.PrivateJwk sm2, String issuer) throws JOSEException {
    this.key = privateKey;
    this.sm2 = sm2;
    this.issuer = issuer;
    this.signer = FastEcdsa.signer(privateKey);
    this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(privateKey.getKeyID())
        .type(new JOSEObjectType("huibao-response")).build();
    this.headerPart = header.toBase64URL().toString();
  }

  /**
   * The detached JWS of a response body: {@code header..signature} over {@code header.base64url(body)}. The signing
   * input is built here with the JDK's base64 (nimbus's own encoder was 3 % of the CPU under load).
   */
  public String sign(byte[] body) {
    byte[] payload = Base64.getUrlEncoder().withoutPadding().encode(body);
    byte[] head = headerPart.getBytes(StandardCharsets.US_ASCII);
    byte[] input = new byte[head.length + 1 + payload.length];
    System.arraycopy(head, 0, input, 0, head.length);
    input[head.length] = '.';
    System.arraycopy(payload, 0, input, head.length + 1, payload.length);
    try {
      return headerPart + ".." + signer.sign(header, input);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether SM2SM3 signatures are available (an SM2 key is configured). */
  public boolean signsSm2() {
    return sm2 != null;
  }

  /**
   * A detached compact JWS of {@code body} with {@code alg} {@code ES256} or {@code SM2SM3} (the SM2 one: header
   * {@code {"alg":"SM2SM3","kid":…,"typ":…}}, signing input {@code base64url(header).base64url(body)}, signature raw
   * r‖s base64url, user ID 1234567812345678). Both keys are published in the JWKS.
   */
  public String sign(byte[] body, String alg, String type) {
    if (!Sm2.JWS_ALG.equals(alg)) {
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
          .type(new JOSEObjectType(type)).build(), new Payload(body));
      try {
        jws.sign(signer);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
      return jws.serialize(true);
    }
    if (sm2 == null) {
      throw new IllegalStateException("no SM2 signing key is configured");
    }
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString(("{\"alg\":\"" + Sm2.JWS_ALG + "\",\"kid\":\"" + sm2.kid() + "\",\"typ\":\""
        + type + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] input = (header + "." + b64.encodeToString(body)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return header + ".." + b64.encodeToString(Sm2.sign(sm2.privateKey(), input));
  }

  /**
   * A consent receipt: a compact JWS (ES256, {@code typ} consent-receipt) of the consent's terms, the person as
   * their opaque key, signed with the key published in the JWKS, so an insurer can check it offline.
   */
  @Override
  public String receipt(com.huibao.gateway.domain.consent.Consent c, String personKey) {
    com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
        .issuer(issuer).subject(c.id().toString()).issueTime(java.util.Date.from(c.grantedAt()))
        .claim("insurer_id", c.insurerId())
        .claim("purposes", c.purposes().stream().map(Enum::name).sorted().toList())
        .claim("covers_from", c.coversFrom().toString()).claim("expires_at", c.expiresAt().toString())
        .claim("person_key", personKey).build();
    com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .keyID(key.getKeyID()).type(new JOSEObjectType("consent-receipt+jwt")).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** The public keys, as {@code /.well-known/jwks.json} serves them. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /**
   * The SM2 public keys, as {@code /.well-known/sm2-jwks.json} serves them: apart from the ES256 set, because JOSE
   * libraries that do not know the curve SM2 (nimbus among them) refuse a whole set that holds one.
   */
  public String publicSm2Jwks() {
    return "{\"keys\":[" + (sm2 == null ? "" : Sm2.publicJwk(sm2.publicKey(), sm2.kid())) + "]}";
  }
}
