package io.certguard.alarm;

/** An alarm was not published. Keep it pending so the next run sends it: nothing is lost. */
public final class AlarmPublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlarmPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
