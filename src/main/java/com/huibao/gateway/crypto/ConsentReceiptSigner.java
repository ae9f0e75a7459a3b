package com.huibao.gateway.crypto;

import com.huibao.gateway.app.port.ReceiptSigner;
import com.huibao.gateway.domain.consent.Consent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;

/**
 * A consent receipt: a compact JWS (ES256, {@code typ} {@value #TYPE}) of the consent's terms, the person as their
 * opaque key, signed with the receipt key (its own {@code kid}, purpose {@code receipt} in the JWKS), so an insurer
 * can check it offline.
 */
public final class ConsentReceiptSigner implements ReceiptSigner {
    public static final String TYPE = "consent-receipt+jwt";

    private final ECKey key;
    private final JWSSigner signer;
    private final String issuer;

    public ConsentReceiptSigner(ECKey key, String issuer) throws JOSEException {
        this.key = key;
        this.signer = FastEcdsa.signer(key);
        this.issuer = issuer;
    }

    @Override
    public String receipt(Consent c, String personKey) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(c.id().toString())
                .issueTime(Date.from(c.grantedAt()))
                .claim("insurer_id", c.insurerId())
                .claim(
                        "purposes",
                        c.purposes().stream().map(Enum::name).sorted().toList())
                .claim("covers_from", c.coversFrom().toString())
                .claim("expires_at", c.expiresAt().toString())
                .claim("person_key", personKey)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(new JOSEObjectType(TYPE))
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
