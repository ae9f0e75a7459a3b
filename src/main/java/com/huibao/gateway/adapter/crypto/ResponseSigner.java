package com.huibao.gateway.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The gateway's signature over what it answers: a detached compact JWS (ES256, {@code header..signature}) of the
 * exact response body bytes, so that a client can prove what it was told. Its public key is published as a JWKS.
 */
public final class ResponseSigner implements com.huibao.gateway.app.port.ReceiptSigner {
  private final ECKey key;
  private final ECDSASigner signer;
  private final JWSHeader header;
  private final String issuer;

  public ResponseSigner(ECKey privateKey, String issuer) throws JOSEException {
    this.key = privateKey;
    this.issuer = issuer;
    this.signer = new ECDSASigner(privateKey);
    this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(privateKey.getKeyID())
        .type(new JOSEObjectType("huibao-response")).build();
  }

  public String sign(byte[] body) {
    JWSObject jws = new JWSObject(header, new Payload(body));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize(true);
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
}
