package io.certguard.twilio;

import java.util.Optional;

/**
 * Twilio answered, but not as its API describes (a body that is not JSON, a field of the wrong type, a redirect, a
 * body over the size limit). Not retried: report it; it usually means a wrong base URL or a proxy in the way.
 */
public final class TwilioProtocolException extends TwilioException {
    private static final long serialVersionUID = 1L;

    public TwilioProtocolException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, Optional.empty(), cause);
    }
}
