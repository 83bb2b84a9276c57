package io.certguard.simulator;

/**
 * A failure the simulator injects in place of its normal answer, scripted with
 * {@link TwilioSimulator#enqueueFault(TwilioFault)} or {@link TwilioSimulator#faultRate(double, long, TwilioFault...)}.
 * A faulted request changes no state, except {@link #SLOW}, which is answered normally after the delay.
 */
public enum TwilioFault {
    /** HTTP 429 with Twilio error 20429 and no {@code Retry-After} (Twilio documents none for this API). */
    RATE_LIMITED,
    /** HTTP 429 with Twilio error 20429 and {@code Retry-After: n} seconds ({@link TwilioSimulator.Builder#retryAfterSeconds(int)}, 1 by default). */
    RATE_LIMITED_RETRY_AFTER,
    /** HTTP 500 with Twilio error 20500. */
    SERVER_ERROR,
    /** HTTP 503 with Twilio error 20503. */
    SERVICE_UNAVAILABLE,
    /** The normal answer, sent only after {@link TwilioSimulator.Builder#slowDelay(java.time.Duration)}; set it beyond the client's timeout. */
    SLOW,
    /** The connection is closed without a response byte; java.net.http silently re-sends a GET once, so a GET needs two. */
    DROP_CONNECTION,
    /** HTTP 401 with Twilio error 20003, whatever the credentials. */
    UNAUTHORIZED,
    /**
     * HTTP 400 with Twilio error 30132 "Certificate cannot be validated", whatever was sent: Twilio refusing a
     * certificate the client thought valid (the simulator's own checks refuse only malformed bundles).
     */
    CERTIFICATE_REJECTED,
    /** HTTP 502 with an HTML page, as a proxy or load balancer in front of the API would send. */
    HTML_ERROR_PAGE,
    /** HTTP 200 labelled {@code application/json} whose body breaks off mid-document. */
    INVALID_JSON,
    /** HTTP 302 to another host, as a wrong base URL or a captive portal would answer. */
    REDIRECT
}
