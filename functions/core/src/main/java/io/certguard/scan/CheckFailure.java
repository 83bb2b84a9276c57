package io.certguard.scan;

import java.util.Objects;

/** One part of a domain's check that failed this run (no secret in {@code message}). */
public record CheckFailure(Part part, String message) {

    /** Which source could not be read, or which write failed. */
    public enum Part { TWILIO_CERTIFICATE, TWILIO_CONFIG, TWILIO_DNS_VALIDATION, LIVE_TLS, CAA, STATE, ALARM }

    public CheckFailure {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(message, "message");
    }
}
