package com.huibao.gateway.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The {@code bsh} claim of a client request token: base64url (no padding) of the SHA-256 of the exact body bytes. */
public final class BodyHash {
    private BodyHash() {}

    public static String of(byte[] body) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
