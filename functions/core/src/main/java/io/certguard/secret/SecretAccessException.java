package io.certguard.secret;

/**
 * A secret could not be read: access denied, KMS decryption failure, or the service unreachable past its retries.
 * The message names the secret, never its value.
 */
public final class SecretAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
