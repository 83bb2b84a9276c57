package io.certguard.twilio;

import java.util.Optional;

/**
 * Twilio could not be reached or kept failing (HTTP 5xx, connection refused or dropped, timeout) until the retry
 * budget ran out. Transient: try again on the next run. {@link #httpStatus()} is 0 when no response arrived.
 */
public final class TwilioUnavailableException extends TwilioException {
    private static final long serialVersionUID = 1L;

    public TwilioUnavailableException(String message, int httpStatus, Optional<TwilioError> error, Throwable cause) {
        super(message, httpStatus, error, cause);
    }
}
