package io.certguard.simulator;

import java.util.Objects;

/**
 * How the simulated Twilio ends the validation of an uploaded certificate. Twilio documents only the pending state
 * and "poll until {@code cert_in_validation} is null" (https://www.twilio.com/docs/api/errors/30131); what a failure
 * looks like is unconfirmed, so each plausible ending can be played.
 */
public sealed interface ValidationOutcome {

    /** The uploaded certificate goes live: new {@code certificate_sid}, its notAfter as {@code date_expires}. */
    ValidationOutcome PROMOTE = new Promote();

    /** Validation ends silently: {@code cert_in_validation} becomes null and the old certificate stays live. */
    ValidationOutcome DROP = new Drop();

    /** {@code cert_in_validation.status} changes to {@code status} (for example "failed") and stays there. */
    static ValidationOutcome reportStatus(String status) {
        return new ReportStatus(status);
    }

    /** See {@link #PROMOTE}. */
    record Promote() implements ValidationOutcome {
    }

    /** See {@link #DROP}. */
    record Drop() implements ValidationOutcome {
    }

    /** See {@link #reportStatus(String)}. */
    record ReportStatus(String status) implements ValidationOutcome {
        public ReportStatus {
            Objects.requireNonNull(status, "status");
        }
    }
}
