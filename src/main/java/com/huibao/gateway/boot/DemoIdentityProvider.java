package com.huibao.gateway.boot;

import com.huibao.gateway.crypto.FastEcdsa;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.function.Supplier;

/**
 * DEMO ONLY: stands in for the mobile app's identity provider so that the H5 page can sign in the demo patient
 * (张三, the worked examples' insured). Never built outside demo mode.
 */
final class DemoIdentityProvider implements Supplier<String> {
    static final String DEMO_SUBJECT = "demo-patient-zhangsan";
    static final String DEMO_CERT_TYPE = "01";
    static final String DEMO_CERTNO = "310101198001010011";

    private final ECKey key;
    private final Clock clock;

    DemoIdentityProvider(Path keyFile, Clock clock) throws Exception {
        this.key = ECKey.parse(Files.readString(keyFile));
        this.clock = clock;
    }

    @Override
    public String get() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Keys.DEMO_PATIENT_ISSUER)
                .audience(Keys.DEMO_PATIENT_AUDIENCE)
                .subject(DEMO_SUBJECT)
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plus(Duration.ofHours(1))))
                .claim("psn_cert_type", DEMO_CERT_TYPE)
                .claim("certno", DEMO_CERTNO)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(FastEcdsa.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
