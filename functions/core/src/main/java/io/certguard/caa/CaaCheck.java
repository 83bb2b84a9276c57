package io.certguard.caa;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one CAA check and the evidence behind it.
 *
 * @param host     the host checked, as given
 * @param wildcard whether the check was for {@code *.host}
 * @param decision what the CA will decide
 * @param lookups  the lookups made, closest name first
 */
public record CaaCheck(String host, boolean wildcard, CaaDecision decision, List<NameLookup> lookups) {

    public CaaCheck {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(decision, "decision");
        lookups = List.copyOf(lookups);
    }

    /** The names queried, closest first. */
    public List<String> queriedNames() {
        return lookups.stream().map(NameLookup::name).toList();
    }
}
