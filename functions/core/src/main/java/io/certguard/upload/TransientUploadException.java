package io.certguard.upload;

/**
 * An upload could not be finished now (Twilio rate-limited or unavailable after the client's retries, credentials
 * unreadable, an alarm not published). Whatever was claimed has been released: the invocation fails so that Lambda
 * or EventBridge retries it, and idempotency keeps the retry safe. The message names what failed, never a secret.
 */
public final class TransientUploadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransientUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
