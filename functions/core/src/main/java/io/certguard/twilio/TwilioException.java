package io.certguard.twilio;

import java.util.Optional;

/**
 * A Twilio call failed. The subtype says what the caller can do about it; the fields carry Twilio's JSON error
 * ({@code code}, {@code message}, {@code more_info}, {@code status}) when the response had one. Messages never carry
 * credentials or request bodies.
 */
public abstract sealed class TwilioException extends RuntimeException
        permits TwilioAuthenticationException, TwilioNotFoundException, TwilioRejectedException,
                TwilioRateLimitedException, TwilioUnavailableException, TwilioProtocolException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final transient Optional<TwilioError> error;

    protected TwilioException(String message, int httpStatus, Optional<TwilioError> error, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    /** The HTTP status of the last response, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Twilio's error body, when the response carried one. */
    public Optional<TwilioError> error() {
        return error;
    }

    /** Twilio's error code (for example 20404, 30132), when known. */
    public Optional<Integer> twilioCode() {
        return error.flatMap(TwilioError::code);
    }
}
