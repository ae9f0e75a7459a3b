package com.huibao.gateway.crypto;

import com.huibao.gateway.app.port.PersonKeys;
import com.huibao.gateway.codec.DeflateDictionary;
import com.huibao.gateway.codec.Deflated;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

/**
 * Identity numbers and names at rest (SPEC §5): a keyed SM3 HMAC of certificate type and number to find a person,
 * SM4-GCM (fresh 12-byte IV, 128-bit tag) where the value must be shown again, a mask everywhere else. Ciphertexts
 * read {@code keyId:base64(iv ‖ ciphertext ‖ tag)}, so that old keys keep decrypting after a rotation; whole documents
 * are deflated first ({@code keyId:z:base64(…)}, or as bytes for a binary column, {@code keyId:z:} then the sealed
 * bytes: {@link #sealDocument}).
 */
public final class PiiProtector implements PersonKeys {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The mark of a deflated document after the key id. Base64 has no ':', so it cannot be mistaken for data. */
    private static final String DEFLATED = "z:";

    private static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

    private final String currentKeyId;
    private final Map<String, byte[]> keys;
    private final byte[] hmacKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the key new ciphertexts use
     * @param keys         every key id still readable → its 16-byte SM4 key
     */
    public PiiProtector(String currentKeyId, Map<String, byte[]> keys, byte[] hmacKey) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no key " + currentKeyId);
        }
        keys.forEach((id, k) -> {
            if (k.length != 16) {
                throw new IllegalArgumentException("SM4 key " + id + " must be 16 bytes (32 hex characters)");
            }
            if (id.contains(":")) {
                throw new IllegalArgumentException("key id must not contain ':'");
            }
        });
        if (hmacKey.length < 16) {
            throw new IllegalArgumentException("the HMAC key must be at least 16 bytes");
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
        this.hmacKey = hmacKey.clone();
    }

    public static PiiProtector fromHex(String keyId, String keyHex, String hmacKeyHex) {
        return new PiiProtector(keyId, Map.of(keyId, Hex.decode(keyHex)), Hex.decode(hmacKeyHex));
    }

    @Override
    public String personKey(String certType, String certno) {
        return personKey(hmacKey, certType, certno);
    }

    /**
     * The keyed SM3 pseudonym of an identity ({@code GATEWAY_PII_HMAC_KEY_HEX}): what the gateway looks people up by,
     * and what the pricing lab writes in place of identity numbers.
     */
    public static String personKey(byte[] hmacKey, String certType, String certno) {
        return Hex.toHexString(Sm3.hmac(hmacKey, (certType + "\u0000" + certno).getBytes(StandardCharsets.UTF_8)));
    }

    public String encrypt(String plaintext) {
        return currentKeyId + ":"
                + Base64.getEncoder().encodeToString(seal(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A whole document (a settlement as received): deflated, then sealed like {@link #encrypt}, marked
     * {@code keyId:z:base64(…)}. A 10 KB settlement deflates to about 2 KB, and SM4 in Java (40 MB/s) is what a confirm
     * spent most of its time on (docs/PERFORMANCE.md). The ciphertext's length leaks nothing an attacker controls:
     * it is stored, never sent.
     */
    public String encryptDocument(String document) {
        return currentKeyId + ":" + DEFLATED
                + Base64.getEncoder().encodeToString(seal(Deflated.of(document, DeflateDictionary.SETTLEMENT_1)));
    }

    /**
     * A whole document sealed as {@link #encryptDocument} does, as bytes for a binary column: {@code keyId:z:} in
     * ASCII, then {@code iv ‖ ciphertext ‖ tag} as they are (a quarter smaller than their Base64).
     */
    public byte[] sealDocument(String document) {
        byte[] mark = (currentKeyId + ":" + DEFLATED).getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = seal(Deflated.of(document, DeflateDictionary.SETTLEMENT_1));
        byte[] out = Arrays.copyOf(mark, mark.length + sealed.length);
        System.arraycopy(sealed, 0, out, mark.length, sealed.length);
        return out;
    }

    /** What {@link #sealDocument} sealed, under any key still readable. */
    public String openDocument(byte[] stored) {
        int colon = -1;
        for (int i = 0; i < stored.length && i < 256; i++) {
            if (stored[i] == ':') {
                colon = i;
                break;
            }
        }
        byte[] key = colon < 0 ? null : keys.get(new String(stored, 0, colon, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IllegalArgumentException("unknown PII key id in stored value");
        }
        int from = colon + 1 + DEFLATED.length();
        if (stored.length < from + IV_BYTES
                || !new String(stored, colon + 1, DEFLATED.length(), StandardCharsets.US_ASCII).equals(DEFLATED)) {
            throw new IllegalArgumentException("stored document: not a sealed document");
        }
        return open(key, stored, from, stored.length - from, true);
    }

    private byte[] seal(byte[] in) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(keys.get(currentKeyId)), TAG_BITS, iv));
        byte[] out = new byte[IV_BYTES + gcm.getOutputSize(in.length)];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        int n = gcm.processBytes(in, 0, in.length, out, IV_BYTES);
        try {
            gcm.doFinal(out, IV_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** What {@link #encrypt} or {@link #encryptDocument} sealed, under any key still readable. */
    public String decrypt(String stored) {
        int colon = stored.indexOf(':');
        byte[] key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalArgumentException("unknown PII key id in stored value");
        }
        boolean deflated = stored.startsWith(DEFLATED, colon + 1);
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1 + (deflated ? DEFLATED.length() : 0)));
        return open(key, all, 0, all.length, deflated);
    }

    /** {@code iv ‖ ciphertext ‖ tag} at {@code from} for {@code length} bytes, opened and (if deflated) inflated. */
    private static String open(byte[] key, byte[] in, int from, int length, boolean deflated) {
        if (length < IV_BYTES) {
            throw new IllegalArgumentException("PII ciphertext too short");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(
                false,
                new AEADParameters(new KeyParameter(key), TAG_BITS, Arrays.copyOfRange(in, from, from + IV_BYTES)));
        byte[] out = new byte[gcm.getOutputSize(length - IV_BYTES)];
        int n = gcm.processBytes(in, from + IV_BYTES, length - IV_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("PII ciphertext failed authentication", e);
        }
        try {
            return deflated ? Deflated.text(out, n, MAX_DOCUMENT_BYTES) : new String(out, 0, n, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stored document: " + e.getMessage(), e);
        }
    }

    /** {@code 310***********1234}: the first 3 and last 4 characters kept, the rest starred. */
    public static String mask(String certno) {
        if (certno == null) {
            return null;
        }
        if (certno.length() <= 7) {
            return "*".repeat(certno.length());
        }
        return certno.substring(0, 3) + "*".repeat(certno.length() - 7) + certno.substring(certno.length() - 4);
    }
}
