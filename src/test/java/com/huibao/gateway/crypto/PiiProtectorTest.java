package com.huibao.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class PiiProtectorTest {
    private final PiiProtector pii =
            PiiProtector.fromHex("k1", "00112233445566778899aabbccddeeff", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    /** The same keys after a rotation: k2 current, k1 still readable. */
    private static PiiProtector rotated() {
        return new PiiProtector(
                "k2",
                Map.of(
                        "k1",
                        Hex.decode("00112233445566778899aabbccddeeff"),
                        "k2",
                        Hex.decode("ffeeddccbbaa99887766554433221100")),
                Hex.decode("0f1e2d3c4b5a69788796a5b4c3d2e1f0"));
    }

    @Test
    void sm3_known_answer() {
        assertThat(Sm3.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm4_gcm_round_trips_with_a_fresh_iv_and_names_its_key() {
        String a = pii.encrypt("310101198001010011");
        String b = pii.encrypt("310101198001010011");
        assertThat(a).startsWith("k1:").isNotEqualTo(b).doesNotContain("310101198001010011");
        assertThat(pii.decrypt(a)).isEqualTo("310101198001010011");
    }

    @Test
    void documents_are_deflated_then_sealed_and_both_forms_decrypt() {
        String doc = "{\"setlinfo\":{\"certno\":\"310101198001010011\",\"psn_name\":\"张三\"},\"feedetail\":["
                + "{\"hilist_code\":\"X\",\"det_item_fee_sumamt\":\"12.30\"},".repeat(30) + "{}]}";
        String sealed = pii.encryptDocument(doc);
        assertThat(sealed).startsWith("k1:z:").doesNotContain("310101198001010011");
        assertThat(pii.decrypt(sealed)).isEqualTo(doc);
        assertThat(sealed.length()).isLessThan(pii.encrypt(doc).length() / 3);
        assertThat(pii.decrypt(pii.encrypt(doc))).isEqualTo(doc); // documents stored before deflation still read

        byte[] raw = Base64.getDecoder().decode(sealed.substring(5));
        raw[20] ^= 1;
        assertThatThrownBy(() -> pii.decrypt("k1:z:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documents_sealed_as_bytes_open_under_their_key_and_are_a_quarter_smaller_than_the_text_form() {
        String doc = "{\"setlinfo\":{\"certno\":\"310101198001010011\",\"psn_name\":\"张三\"},\"feedetail\":["
                + "{\"hilist_code\":\"X\",\"det_item_fee_sumamt\":\"12.30\"},".repeat(30) + "{}]}";
        byte[] sealed = pii.sealDocument(doc);
        String text = pii.encryptDocument(doc);

        assertThat(new String(sealed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("k1:z:");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("310101198001010011");
        assertThat(pii.openDocument(sealed)).isEqualTo(doc);
        assertThat(sealed.length).isLessThanOrEqualTo(5 + (text.length() - 5) * 3 / 4);
        PiiProtector rotated = rotated();
        assertThat(rotated.openDocument(sealed)).isEqualTo(doc);

        byte[] tampered = sealed.clone();
        tampered[30] ^= 1;
        assertThatThrownBy(() -> pii.openDocument(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pii.openDocument("k9:z:0123456789abcdef".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pii.openDocument("k1:z:".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pii.openDocument(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tampered_ciphertext_fails_authentication() {
        String c = pii.encrypt("张三");
        byte[] raw = Base64.getDecoder().decode(c.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> pii.decrypt("k1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void old_keys_still_decrypt_after_rotation() {
        String old = pii.encrypt("310101198001010011");
        PiiProtector rotated = rotated();
        assertThat(rotated.decrypt(old)).isEqualTo("310101198001010011");
        assertThat(rotated.encrypt("x")).startsWith("k2:");
    }

    @Test
    void person_keys_are_stable_keyed_and_do_not_contain_the_number() {
        String k = pii.personKey("01", "310101198001010011");
        assertThat(k)
                .isEqualTo(pii.personKey("01", "310101198001010011"))
                .hasSize(64)
                .doesNotContain("3101011980");
        assertThat(pii.personKey("02", "310101198001010011")).isNotEqualTo(k);
        PiiProtector otherKey =
                PiiProtector.fromHex("k1", "00112233445566778899aabbccddeeff", "ffffffffffffffffffffffffffffffff");
        assertThat(otherKey.personKey("01", "310101198001010011")).isNotEqualTo(k);
    }

    @Test
    void masks_keep_three_and_four() {
        assertThat(PiiProtector.mask("310101198001011234")).isEqualTo("310***********1234");
    }
}
