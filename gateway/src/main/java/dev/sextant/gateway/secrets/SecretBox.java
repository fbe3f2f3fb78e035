package dev.sextant.gateway.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts source credentials for the database: AES-256-GCM, a random 96-bit IV per value, and the source id and
 * secret name as associated data, so that a value copied to another source or secret does not decrypt. A sealed
 * value is {@code base64(IV || ciphertext with tag)}.
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyOrigin;
    private final SecureRandom random = new SecureRandom();

    /** @param keyOrigin where the key came from, for error messages (never the key itself) */
    public SecretBox(byte[] key, String keyOrigin) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secrets key from " + keyOrigin + " has " + key.length
                    + " bytes; it must be " + KEY_BYTES + " (base64 of 32 random bytes, e.g. openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyOrigin = keyOrigin;
    }

    public String seal(String sourceId, String name, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, sourceId, name);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws SecretException when the value was sealed with another key, for another secret, or is damaged */
    public String open(String sourceId, String name, String sealed) throws SecretException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new SecretException("the stored secret '" + name + "' of source " + sourceId + " is not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretException("the stored secret '" + name + "' of source " + sourceId + " is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, IV_BYTES), sourceId, name);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException("cannot decrypt the secret '" + name + "' of source " + sourceId
                    + ": it was encrypted with another key than the one from " + keyOrigin
                    + " (restore that key, or enter the secret again with PUT /api/admin/sources/" + sourceId + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String sourceId, String name) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((sourceId + "\n" + name).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
