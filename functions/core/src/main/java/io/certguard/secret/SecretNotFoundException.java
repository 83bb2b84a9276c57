package io.certguard.secret;

/** The secret, or the requested version of it, does not exist (or is scheduled for deletion). */
public final class SecretNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
