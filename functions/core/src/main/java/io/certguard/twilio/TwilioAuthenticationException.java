package io.certguard.twilio;

import java.util.Optional;

/** Twilio refused the credentials (HTTP 401/403): check the account SID, API key and secret, or auth token, and that they belong to the region of the API base URL. Not retried. */
public final class TwilioAuthenticationException extends TwilioException {
    private static final long serialVersionUID = 1L;

    public TwilioAuthenticationException(String message, int httpStatus, Optional<TwilioError> error) {
        super(message, httpStatus, error, null);
    }
}
