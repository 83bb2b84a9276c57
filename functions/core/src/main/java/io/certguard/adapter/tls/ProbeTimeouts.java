package io.certguard.adapter.tls;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one probe's network waits. The worst case for one probe is name resolution (bounded by the resolver, see
 * {@link AddressResolver#system()}) plus {@code connect} plus {@code handshake}.
 *
 * @param connect   for the TCP connection to be established
 * @param handshake for the whole TLS handshake, however the server paces its bytes
 */
public record ProbeTimeouts(Duration connect, Duration handshake) {

    public ProbeTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(handshake, "handshake");
        if (!isPositiveMillis(connect) || !isPositiveMillis(handshake)) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms and fit an int of milliseconds, were "
                    + connect + " and " + handshake);
        }
    }

    /** 5 s to connect, 10 s to shake hands: generous for a healthy host, short enough for a scan of many. */
    public static ProbeTimeouts defaults() {
        return new ProbeTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    int connectMillis() {
        return (int) connect.toMillis();
    }

    int handshakeMillis() {
        return (int) handshake.toMillis();
    }

    private static boolean isPositiveMillis(Duration d) {
        return d.toMillis() >= 1 && d.toMillis() <= Integer.MAX_VALUE;
    }
}
