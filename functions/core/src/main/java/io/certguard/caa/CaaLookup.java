package io.certguard.caa;

/** The port through which CAA records are looked up (DNS in production, fakes in tests). */
@FunctionalInterface
public interface CaaLookup {

    /**
     * Looks up the CAA RRset of one name, following its aliases as a resolver does (RFC 8659 §3). DNS trouble is
     * reported as {@link NameLookup.Failed}, never thrown; every wait is bounded.
     *
     * @param name a name as {@link CaaNames#candidates(String)} spells it
     * @return a lookup whose {@link NameLookup#name()} is {@code name}
     */
    NameLookup lookup(String name);
}
