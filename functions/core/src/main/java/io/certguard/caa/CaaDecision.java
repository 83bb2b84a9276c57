package io.certguard.caa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Whether the CA may issue for a host under its CAA records; "cannot tell" is its own answer, never "permitted". */
public sealed interface CaaDecision {

    /**
     * The CA may issue.
     *
     * @param foundAt  the name whose CAA RRset decided, or {@code ""} when no name from the host up to its TLD has any
     * @param relevant the {@code issue} (or {@code issuewild}) records that were weighed; empty when none restricts
     */
    record Permitted(String foundAt, List<CaaRecord> relevant) implements CaaDecision {
        /** The {@code foundAt} of a decision made without any CAA record. */
        public static final String NOWHERE = "";

        public Permitted {
            Objects.requireNonNull(foundAt, "foundAt");
            relevant = List.copyOf(relevant);
        }

        /** No CAA record exists for the host or any parent: any CA may issue (RFC 8659 §3). */
        public static Permitted noCaaRecords() {
            return new Permitted(NOWHERE, List.of());
        }

        public boolean caaRecordsFound() {
            return !foundAt.equals(NOWHERE);
        }
    }

    /**
     * The CA may not issue.
     *
     * @param foundAt  the name whose CAA RRset decided
     * @param relevant the records that refuse the CA (the critical unknown ones, or every {@code issue} /
     *                 {@code issuewild} record weighed)
     * @param denying  the single record that decides, when one does; empty when several refuse together
     * @param reason   what the records say and why none authorises the CA, for people
     */
    record Denied(String foundAt, List<CaaRecord> relevant, Optional<CaaRecord> denying, String reason)
            implements CaaDecision {
        public Denied {
            Objects.requireNonNull(foundAt, "foundAt");
            relevant = List.copyOf(relevant);
            Objects.requireNonNull(denying, "denying");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The CAA records could not be learned where they matter, so the CA's decision cannot be predicted. Let's
     * Encrypt refuses to issue in this state too.
     *
     * @param name  the name whose lookup failed (or, for an NXDOMAIN TLD, the TLD)
     * @param error what went wrong, for people
     */
    record Indeterminate(String name, String error) implements CaaDecision {
        public Indeterminate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(error, "error");
        }
    }
}
