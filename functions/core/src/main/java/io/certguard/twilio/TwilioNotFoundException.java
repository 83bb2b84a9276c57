package io.certguard.twilio;

import java.util.Optional;

/** The resource does not exist for these credentials (HTTP 404): check the domain SID and that the domain belongs to this account's Organization. Not retried. */
public final class TwilioNotFoundException extends TwilioException {
    private static final long serialVersionUID = 1L;

    public TwilioNotFoundException(String message, int httpStatus, Optional<TwilioError> error) {
        super(message, httpStatus, error, null);
    }
}
