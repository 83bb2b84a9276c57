package io.certguard.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/** Decides which alarm threshold a certificate has reached. Pure: "now" is always a parameter, all in UTC. */
public final class ExpiryPolicy {

    private final AlarmThresholds thresholds;

    public ExpiryPolicy(AlarmThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public AlarmThresholds thresholds() {
        return thresholds;
    }

    public ExpiryAssessment assess(Instant notAfter, Instant now) {
        Duration remaining = Duration.between(now, notAfter);
        long daysLeft = Math.floorDiv(remaining.getSeconds(), Duration.ofDays(1).getSeconds());
        OptionalInt crossed = OptionalInt.empty();
        for (int days : thresholds.days()) { // largest first: keep the smallest reached
            if (remaining.compareTo(Duration.ofDays(days)) <= 0) {
                crossed = OptionalInt.of(days);
            }
        }
        return new ExpiryAssessment(notAfter, remaining, daysLeft, crossed);
    }
}
