package com.huibao.gateway.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;

/**
 * Signs what a settlement slip says (a compact JWS, {@code typ} {@value #TYPE}, ES256 with the gateway's key of
 * purpose {@code receipt}, published at {@code /.well-known/jwks.json}): the slip's QR code carries it, so anyone
 * holding the paper can check it offline against the published keys.
 */
public final class SlipSigner {
    public static final String TYPE = "settlement-slip+jwt";

    private final ECKey key;
    private final JWSSigner signer;
    private final String issuer;

    public SlipSigner(ECKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the receipt key cannot sign ES256", e);
        }
    }

    public String sign(Map<String, Object> claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer);
        claims.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType(TYPE))
                        .build(),
                b.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
