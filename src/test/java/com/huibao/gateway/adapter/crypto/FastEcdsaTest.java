package com.huibao.gateway.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ES256 on BouncyCastle's lightweight API against the JDK's own (SunEC through nimbus), both ways. */
class FastEcdsaTest {
  private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

  private static ECKey key() throws JOSEException {
    return new ECKeyGenerator(Curve.P_256).keyID("k").generate();
  }

  @Test
  void what_it_signs_the_jdk_verifies_and_what_the_jdk_signs_it_verifies() throws Exception {
    for (int i = 0; i < 20; i++) {
      ECKey key = key();
      JWSObject ours = new JWSObject(ES256, new Payload("answer " + i));
      ours.sign(FastEcdsa.signer(key));
      assertThat(JWSObject.parse(ours.serialize()).verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();

      JWSObject theirs = new JWSObject(ES256, new Payload("request " + i));
      theirs.sign(new ECDSASigner(key));
      assertThat(JWSObject.parse(theirs.serialize()).verify(FastEcdsa.verifier(key.toPublicJWK()))).isTrue();
    }
  }

  @Test
  void a_changed_input_another_key_or_a_malformed_signature_is_refused() throws Exception {
    ECKey key = key();
    byte[] input = "eyJhbGciOiJFUzI1NiJ9.aGVsbG8".getBytes(StandardCharsets.US_ASCII);
    Base64URL sig = FastEcdsa.signer(key).sign(ES256, input);
    JWSVerifier verifier = FastEcdsa.verifier(key.toPublicJWK());
    assertThat(verifier.verify(ES256, input, sig)).isTrue();

    byte[] changed = input.clone();
    changed[changed.length - 1] ^= 1;
    assertThat(verifier.verify(ES256, changed, sig)).isFalse();
    assertThat(FastEcdsa.verifier(key().toPublicJWK()).verify(ES256, input, sig)).isFalse();

    byte[] raw = sig.decode();
    assertThat(verifier.verify(ES256, input, Base64URL.encode(java.util.Arrays.copyOf(raw, 63)))).isFalse();
    assertThat(verifier.verify(ES256, input, Base64URL.encode(new byte[64]))).isFalse(); // r = s = 0
    byte[] big = new byte[64];
    java.util.Arrays.fill(big, (byte) 0xff); // r, s >= n
    assertThat(verifier.verify(ES256, input, Base64URL.encode(big))).isFalse();
    assertThatThrownBy(() -> verifier.verify(new JWSHeader(JWSAlgorithm.ES384), input, sig))
        .isInstanceOf(JOSEException.class);
  }

  @Test
  void signatures_are_deterministic_and_verifiers_are_kept_per_key() throws Exception {
    ECKey key = key();
    byte[] input = "x.y".getBytes(StandardCharsets.US_ASCII);
    assertThat(FastEcdsa.signer(key).sign(ES256, input)).isEqualTo(FastEcdsa.signer(key).sign(ES256, input));
    assertThat(FastEcdsa.verifier(key.toPublicJWK())).isSameAs(FastEcdsa.verifier(ECKey.parse(
        key.toPublicJWK().toJSONString())));
  }

  @Test
  void keys_of_another_curve_and_public_keys_for_signing_are_refused() throws Exception {
    ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
    assertThatThrownBy(() -> FastEcdsa.verifier(p384.toPublicJWK())).isInstanceOf(JOSEException.class);
    ECKey good = key();
    assertThatThrownBy(() -> FastEcdsa.signer(good.toPublicJWK())).isInstanceOf(JOSEException.class);
  }
}
