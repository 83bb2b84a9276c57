package io.certguard.scan;

/**
 * Batches could not be handed to the scan queue. The invocation fails so that its trigger retries it; batches already
 * sent are recognised by their names and not checked twice ({@link BatchClaims}).
 */
public final class ScanQueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
