package io.certguard.twilio;

import java.time.Duration;
import java.util.Optional;

/**
 * Twilio kept answering 429 (error 20429, too many concurrent requests) until the retry budget ran out. Safe to retry
 * later: Twilio did not process the request. {@link #retryAfter()} is the server's hint, when it sent one.
 */
public final class TwilioRateLimitedException extends TwilioException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    public TwilioRateLimitedException(String message, Optional<TwilioError> error, Optional<Duration> retryAfter) {
        super(message, 429, error, null);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
