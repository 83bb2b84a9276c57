package io.certguard.twilio;

import java.util.Optional;

/** Twilio rejected the request (another HTTP 4xx), for example an invalid certificate (error 30132): fix the input; retrying the same request will fail again. */
public final class TwilioRejectedException extends TwilioException {
    private static final long serialVersionUID = 1L;

    public TwilioRejectedException(String message, int httpStatus, Optional<TwilioError> error) {
        super(message, httpStatus, error, null);
    }
}
