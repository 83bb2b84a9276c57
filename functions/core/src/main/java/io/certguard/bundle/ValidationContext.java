package io.certguard.bundle;

import java.net.IDN;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What validation compares a bundle with. Validation reads no clock: {@code now} is given.
 *
 * @param host                 the domain's host name (the certificate must cover it); normalized to lower-case ASCII
 *                             (IDNA A-labels) without a trailing dot
 * @param firstAlarmThreshold  the earliest alarm threshold: a leaf expiring within it gets EXPIRES_SOON
 * @param currentTwilioExpiry  when the certificate Twilio serves now expires, if known (for NOT_NEWER)
 * @param allowNotNewer        the operator's override: NOT_NEWER becomes a warning and does not stop the upload
 */
public record ValidationContext(String host, Instant now, Duration firstAlarmThreshold,
                                Optional<Instant> currentTwilioExpiry, boolean allowNotNewer) {

    public ValidationContext {
        host = normalizeHost(Objects.requireNonNull(host, "host"));
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(firstAlarmThreshold, "firstAlarmThreshold");
        Objects.requireNonNull(currentTwilioExpiry, "currentTwilioExpiry");
        if (firstAlarmThreshold.isNegative()) {
            throw new IllegalArgumentException("firstAlarmThreshold must not be negative: " + firstAlarmThreshold);
        }
    }

    public static ValidationContext of(String host, Instant now, Duration firstAlarmThreshold) {
        return new ValidationContext(host, now, firstAlarmThreshold, Optional.empty(), false);
    }

    public ValidationContext withCurrentTwilioExpiry(Instant expiry) {
        return new ValidationContext(host, now, firstAlarmThreshold, Optional.of(expiry), allowNotNewer);
    }

    public ValidationContext allowingNotNewer() {
        return new ValidationContext(host, now, firstAlarmThreshold, currentTwilioExpiry, true);
    }

    private static String normalizeHost(String host) {
        String h = host.strip();
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.contains("*")) {
            throw new IllegalArgumentException("host must be a host name: \"" + host + "\"");
        }
        return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }
}
