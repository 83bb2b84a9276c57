package io.certguard.validation;

import io.certguard.scan.LiveStatus;
import io.certguard.twilio.DomainCertificate;
import java.util.Objects;
import java.util.Optional;

/** What one poll of one upload saw. */
public sealed interface PollObservation {

    /**
     * Twilio answered; {@code live} is what the host serves, when it was probed and reachable.
     *
     * @param liveError why the host could not be probed, when it was tried and failed
     */
    record Read(DomainCertificate certificate, Optional<LiveStatus> live, Optional<String> liveError)
            implements PollObservation {
        public Read {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(live, "live");
            Objects.requireNonNull(liveError, "liveError");
        }
    }

    /** Twilio could not be read (after the client's retries); the message names why, never a secret. */
    record TwilioFailed(String message) implements PollObservation {
        public TwilioFailed {
            Objects.requireNonNull(message, "message");
        }
    }
}
