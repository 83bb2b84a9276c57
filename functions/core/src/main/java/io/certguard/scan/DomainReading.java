package io.certguard.scan;

import io.certguard.domain.DomainSid;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What one scan learned about one domain: its certificate as Twilio reports it, or why it could not be read. */
public sealed interface DomainReading {

    DomainSid sid();

    /**
     * Twilio answered.
     *
     * @param expires       Twilio's {@code date_expires}
     * @param daysLeft      whole days from "now" to {@code expires}, rounded down (negative once expired)
     * @param managed       Twilio-managed certificate (v2 only)
     * @param inValidation  a replacement is being validated
     */
    record Read(DomainSid sid, Optional<String> host, Optional<Instant> expires, Optional<Long> daysLeft,
            Optional<Boolean> managed, boolean inValidation) implements DomainReading {
        public Read {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(expires, "expires");
            Objects.requireNonNull(daysLeft, "daysLeft");
            Objects.requireNonNull(managed, "managed");
        }
    }

    /** The domain could not be checked this run; it is reported, never skipped. */
    record Failed(DomainSid sid, String reason) implements DomainReading {
        public Failed {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
