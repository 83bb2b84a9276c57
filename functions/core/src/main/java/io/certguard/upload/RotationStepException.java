package io.certguard.upload;

/**
 * A rotation step cannot succeed now: Secrets Manager marks the rotation failed and AWSCURRENT stays where it is. The
 * message says what is wrong and what to do; it never holds secret material.
 */
public final class RotationStepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RotationStepException(String message) {
        super(message);
    }

    public RotationStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
