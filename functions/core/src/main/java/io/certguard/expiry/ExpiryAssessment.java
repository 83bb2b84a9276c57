package io.certguard.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Where a certificate stands on a given day.
 *
 * @param notAfter  when it expires
 * @param remaining time from "now" to {@code notAfter} (negative once expired)
 * @param daysLeft  whole days left, rounded down (so 13 days 23 hours is 13; -1 right after expiry)
 * @param crossed   the smallest threshold already reached ({@code remaining <= threshold days}); empty when none is
 */
public record ExpiryAssessment(Instant notAfter, Duration remaining, long daysLeft, OptionalInt crossed) {

    public ExpiryAssessment {
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(crossed, "crossed");
    }

    /** Expired at or before "now" (RFC 5280 §4.1.2.5: notAfter is the last valid instant, so "at" is still valid). */
    public boolean expired() {
        return remaining.isNegative();
    }
}
