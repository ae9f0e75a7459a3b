package com.huibao.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.codec.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sm2Test {
    private final byte[] message = "eyJhbGciOiJTTTJTTTMifQ.eyJpc3MiOiJ4In0".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signatures_are_raw_64_bytes_and_verify_with_the_public_key_only() {
        Sm2.KeyPair k = Sm2.generate();
        byte[] sig = Sm2.sign(k.privateKey(), message);
        assertThat(sig).hasSize(64);
        assertThat(Sm2.verify(k.publicKey(), message, sig)).isTrue();
        assertThat(Sm2.verify(Sm2.generate().publicKey(), message, sig)).isFalse();
        message[0] ^= 1;
        assertThat(Sm2.verify(k.publicKey(), message, sig)).isFalse();
    }

    @Test
    void the_user_id_is_part_of_the_signature() {
        Sm2.KeyPair k = Sm2.generate();
        byte[] emptyId = Sm2.sign(k.privateKey(), message, new byte[0]);
        assertThat(Sm2.verify(k.publicKey(), message, emptyId)).isFalse();
    }

    @Test
    void public_jwk_round_trips_and_off_curve_points_are_refused() {
        Sm2.KeyPair k = Sm2.generate();
        var jwk = Json.parse(Sm2.publicJwk(k.publicKey(), "k1"));
        assertThat(jwk.get("crv").asText()).isEqualTo("SM2");
        var back = Sm2.publicKey(jwk.get("x").asText(), jwk.get("y").asText());
        assertThat(Sm2.verify(back, message, Sm2.sign(k.privateKey(), message))).isTrue();
        assertThatThrownBy(
                        () -> Sm2.publicKey(jwk.get("x").asText(), jwk.get("x").asText()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
