package io.certguard.adapter.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to ask DNS. Every wait is bounded: one query waits about {@code timeout} over UDP and, when the answer is
 * truncated, about {@code timeout} more over TCP (each wait ends a quarter of a second after {@code timeout} at the
 * latest); a query that times out or cannot reach its resolver is tried again, on the next resolver, up to
 * {@code attempts} times in all. So one CAA lookup waits at most {@code attempts × 2 × (timeout + 0.25 s)}, 9 s with
 * the defaults, and usually a few milliseconds.
 *
 * @param resolvers recursive resolvers (they must follow CNAMEs), tried in turn
 * @param timeout   the wait for one answer over one transport
 * @param attempts  tries per query, including the first
 */
public record DnsSettings(List<InetSocketAddress> resolvers, Duration timeout, int attempts) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_ATTEMPTS = 2;

    public DnsSettings {
        resolvers = List.copyOf(resolvers);
        Objects.requireNonNull(timeout, "timeout");
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("at least one resolver is needed");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /**
     * The resolvers named by {@code DNS_RESOLVERS}, or the system's when it is unset, with the default timeout and
     * attempts.
     *
     * @throws IllegalArgumentException naming every malformed entry of the setting
     * @throws IllegalStateException    when the setting is unset and the system names no resolver
     */
    public static DnsSettings fromSetting(Optional<String> dnsResolvers) {
        List<InetSocketAddress> resolvers = dnsResolvers.map(ResolverAddresses::parse)
                .orElseGet(ResolverAddresses::fromSystem);
        return new DnsSettings(resolvers, DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS);
    }
}
