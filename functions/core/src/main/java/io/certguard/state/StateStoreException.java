package io.certguard.state;

/**
 * The state table could not be read or written (unreachable, throttled past the retry budget, missing, or access
 * denied). Nothing is known to have been written; the caller should fail the run loudly so it is retried.
 */
public final class StateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
