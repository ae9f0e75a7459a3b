package com.huibao.gateway.adapter.http.auth;

import com.huibao.gateway.app.port.PersonKeys;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.crypto.FastEcdsa;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.nio.file.Path;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a patient's ID token from the mobile app's identity provider (SPEC §5): signature against the provider's
 * JWKS (a URL, cached, or a file), an algorithm from the configured list, {@code iss}, {@code aud}, {@code exp}
 * (with clock skew) and the person claims {@code psn_cert_type} and {@code certno}, which become the principal's
 * person key. The identity number itself goes no further.
 */
public final class PatientTokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final PersonKeys keys;

    public PatientTokenVerifier(
            String issuer, String audience, String jwks, List<String> algorithms, int skewSeconds, PersonKeys keys)
            throws Exception {
        this.keys = keys;
        JWKSource<SecurityContext> source = jwks.startsWith("https://") || jwks.startsWith("http://")
                ? JWKSourceBuilder.create(new URL(jwks)).build()
                : new ImmutableJWKSet<>(JWKSet.load(Path.of(jwks).toFile()));
        Set<JWSAlgorithm> allowed = algorithms.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(allowed, source));
        processor.setJWSVerifierFactory(new Es256First());
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "psn_cert_type", "certno")));
        claims.setMaxClockSkew(skewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** Blocking (a remote JWKS may be fetched): call it off the event loop. */
    public Principal verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw AuthFailure.unauthorized("MISSING_CREDENTIALS", "Authorization: Bearer <ID token> is required");
        }
        try {
            JWTClaimsSet c = processor.process(authorization.substring(7).trim(), null);
            String certType = c.getStringClaim("psn_cert_type");
            String certno = c.getStringClaim("certno");
            return new Principal(c.getSubject(), Role.PATIENT, keys.personKey(certType, certno));
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw AuthFailure.unauthorized("INVALID_ID_TOKEN", "the ID token was refused: " + reason(e));
        }
    }

    /** A short reason without token contents. */
    private static String reason(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.length() > 120 ? m.substring(0, 120) : m;
    }

    /** ES256 with P-256 keys through {@code FastEcdsa} (cached per key); any other allowed algorithm through nimbus. */
    private static final class Es256First implements JWSVerifierFactory {
        private final DefaultJWSVerifierFactory others = new DefaultJWSVerifierFactory();

        Es256First() {
            others.getJCAContext().setProvider(FastEcdsa.provider());
        }

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (JWSAlgorithm.ES256.equals(header.getAlgorithm()) && key instanceof ECPublicKey ec) {
                return FastEcdsa.verifier(new ECKey.Builder(Curve.P_256, ec).build());
            }
            return others.createJWSVerifier(header, key);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return others.supportedJWSAlgorithms();
        }

        @Override
        public JCAContext getJCAContext() {
            return others.getJCAContext();
        }
    }
}
