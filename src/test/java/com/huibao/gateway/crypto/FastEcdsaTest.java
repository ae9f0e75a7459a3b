package com.huibao.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ES256 in native code (Conscrypt) and on BouncyCastle's lightweight API, each against the JDK's own (SunEC through
 * nimbus), both ways.
 */
class FastEcdsaTest {
    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

    private static ECKey key() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID("k").generate();
    }

    private static JWSSigner signer(String backend, ECKey key) throws JOSEException {
        return "native".equals(backend) ? FastEcdsa.nativeSigner(key) : FastEcdsa.bcSigner(key);
    }

    private static JWSVerifier verifier(String backend, ECKey key) throws JOSEException {
        return "native".equals(backend) ? FastEcdsa.nativeVerifier(key) : FastEcdsa.bcVerifier(key);
    }

    @Test
    void es256_runs_in_native_code_on_this_platform() {
        assertThat(FastEcdsa.isNative())
                .as("Conscrypt's native library loads on linux x86-64")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "bc"})
    void what_it_signs_the_jdk_verifies_and_what_the_jdk_signs_it_verifies(String backend) throws Exception {
        for (int i = 0; i < 20; i++) {
            ECKey key = key();
            JWSObject ours = new JWSObject(ES256, new Payload("answer " + i));
            ours.sign(signer(backend, key));
            assertThat(JWSObject.parse(ours.serialize()).verify(new ECDSAVerifier(key.toPublicJWK())))
                    .isTrue();

            JWSObject theirs = new JWSObject(ES256, new Payload("request " + i));
            theirs.sign(new ECDSASigner(key));
            assertThat(JWSObject.parse(theirs.serialize()).verify(verifier(backend, key.toPublicJWK())))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "bc"})
    void a_changed_input_another_key_or_a_malformed_signature_is_refused(String backend) throws Exception {
        ECKey key = key();
        byte[] input = "eyJhbGciOiJFUzI1NiJ9.aGVsbG8".getBytes(StandardCharsets.US_ASCII);
        Base64URL sig = signer(backend, key).sign(ES256, input);
        JWSVerifier verifier = verifier(backend, key.toPublicJWK());
        assertThat(verifier.verify(ES256, input, sig)).isTrue();

        byte[] changed = input.clone();
        changed[changed.length - 1] ^= 1;
        assertThat(verifier.verify(ES256, changed, sig)).isFalse();
        assertThat(verifier(backend, key().toPublicJWK()).verify(ES256, input, sig))
                .isFalse();

        byte[] raw = sig.decode();
        assertThat(verifier.verify(ES256, input, Base64URL.encode(Arrays.copyOf(raw, 63))))
                .isFalse();
        assertThat(verifier.verify(ES256, input, Base64URL.encode(new byte[64])))
                .isFalse(); // r = s = 0
        byte[] big = new byte[64];
        Arrays.fill(big, (byte) 0xff); // r, s >= n
        assertThat(verifier.verify(ES256, input, Base64URL.encode(big))).isFalse();
        assertThatThrownBy(() -> verifier.verify(new JWSHeader(JWSAlgorithm.ES384), input, sig))
                .isInstanceOf(JOSEException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "bc"})
    void keys_of_another_curve_and_public_keys_for_signing_are_refused(String backend) throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> verifier(backend, p384.toPublicJWK())).isInstanceOf(JOSEException.class);
        assertThatThrownBy(() -> signer(backend, key().toPublicJWK())).isInstanceOf(JOSEException.class);
    }

    @Test
    void bouncycastle_signatures_are_deterministic_and_verifiers_are_kept_per_key() throws Exception {
        ECKey key = key();
        byte[] input = "x.y".getBytes(StandardCharsets.US_ASCII);
        assertThat(FastEcdsa.bcSigner(key).sign(ES256, input))
                .isEqualTo(FastEcdsa.bcSigner(key).sign(ES256, input));
        assertThat(FastEcdsa.verifier(key.toPublicJWK()))
                .isSameAs(FastEcdsa.verifier(ECKey.parse(key.toPublicJWK().toJSONString())));
    }
}
