package io.certguard.lambda;

/**
 * An event the function cannot process (malformed, wrong source, missing fields). Retrying it cannot succeed: the
 * handler acknowledges it, alarms where it can, and reports this message.
 */
public final class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }
}
