package io.certguard.loopback;

import java.util.Objects;

/**
 * One question {@link LoopbackDnsServer} received.
 *
 * @param name      the queried name, lower case, without the trailing dot
 * @param type      the record type's mnemonic, e.g. {@code CAA} or {@code A}
 * @param transport how it arrived
 */
public record DnsQuery(String name, String type, Transport transport) {

    /** The transport a query arrived on. */
    public enum Transport {
        UDP,
        TCP
    }

    public DnsQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transport, "transport");
    }
}
