package io.certguard.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an uploaded certificate stays "in validation" ({@code cert_in_validation.status = "pending"}) and how it
 * ends. Twilio says to "allow up to five minutes" (https://www.twilio.com/docs/api/errors/30102); tests count reads or
 * advance the simulator's {@link java.time.Clock} instead of waiting.
 */
public sealed interface ValidationPlan {

    ValidationOutcome outcome();

    /** Pending for the next {@code reads} Certificate GETs (v1 or v2); the GET after them sees the outcome. */
    static ValidationPlan afterReads(int reads, ValidationOutcome outcome) {
        return new AfterReads(reads, outcome);
    }

    /** Pending until {@code duration} after the upload by the simulator's clock; the first GET from then on sees the outcome. */
    static ValidationPlan afterDuration(Duration duration, ValidationOutcome outcome) {
        return new AfterDuration(duration, outcome);
    }

    /** See {@link #afterReads(int, ValidationOutcome)}. */
    record AfterReads(int reads, ValidationOutcome outcome) implements ValidationPlan {
        public AfterReads {
            Objects.requireNonNull(outcome, "outcome");
            if (reads < 0) {
                throw new IllegalArgumentException("reads must not be negative: " + reads);
            }
        }
    }

    /** See {@link #afterDuration(Duration, ValidationOutcome)}. */
    record AfterDuration(Duration duration, ValidationOutcome outcome) implements ValidationPlan {
        public AfterDuration {
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(outcome, "outcome");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: " + duration);
            }
        }
    }
}
