package com.huibao.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** ID tokens of any insured person from the demo identity provider (its key is a published demo key). */
public final class Patients {
    private Patients() {}

    public static String token(String certno) {
        try {
            ECKey key = ECKey.parse(Files.readString(Path.of("config/demo/keys/patient-idp.private.jwk")));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("https://idp.demo.huibao.local")
                    .audience("huibao-h5")
                    .subject("person-" + certno.substring(certno.length() - 4))
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                    .claim("psn_cert_type", "01")
                    .claim("certno", certno)
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
