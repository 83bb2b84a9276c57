package io.certguard.caa;

import java.util.List;
import java.util.Objects;

/** What looking up the CAA RRset of one name (aliases followed) found. */
public sealed interface NameLookup {

    /** The name queried, as {@link CaaNames#candidates(String)} spells it. */
    String name();

    /**
     * A non-empty CAA RRset.
     *
     * @param owner the name that holds the records: {@code name} itself, or the end of its CNAME chain
     */
    record Found(String name, String owner, List<CaaRecord> records) implements NameLookup {
        public Found {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(owner, "owner");
            records = List.copyOf(records);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("Found needs at least one record; use Empty for " + name);
            }
        }
    }

    /**
     * No CAA records: the name exists without any (NOERROR/NODATA), or does not exist at all.
     *
     * @param nxDomain the resolver answered NXDOMAIN for the name itself
     */
    record Empty(String name, boolean nxDomain) implements NameLookup {
        public Empty {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The records could not be learned; there may be records hidden behind the failure. */
    record Failed(String name, LookupFailure failure, String message) implements NameLookup {
        public Failed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(message, "message");
        }
    }
}
