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
public final class ResponseSigner {
  private final ECKey key;
  private final ECDSASigner signer;
  private final JWSHeader header;

  public ResponseSigner(ECKey privateKey) throws JOSEException {
    this.key = privateKey;
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

  /** The public keys, as {@code /.well-known/jwks.json} serves them. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }
}
