package dev.sextant.gateway.secrets;

/** A stored secret that cannot be decrypted; the message says which and what to do. */
public class SecretException extends Exception {

    public SecretException(String message) {
        super(message);
    }
}
