package io.certguard.tls;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SNIHostName;

/**
 * Where to probe: the host name a client would use (sent as SNI and checked against the certificate) and the port,
 * plus optionally the address to connect to instead of resolving the name (tests and benchmarks point every name at
 * a loopback server this way).
 *
 * @param host           lower case, without a trailing dot or IPv6 brackets
 * @param connectAddress when present, no name resolution happens
 */
public record ProbeTarget(String host, int port, Optional<InetAddress> connectAddress) {

    public ProbeTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectAddress, "connectAddress");
        host = normalized(host);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        if (IpLiteral.parse(host).isEmpty()) {
            try {
                new SNIHostName(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a host name a TLS client can send: " + host, e);
            }
        }
    }

    public static ProbeTarget of(String host, int port) {
        return new ProbeTarget(host, port, Optional.empty());
    }

    /** The same host and port, connecting to {@code address} instead of whatever the name resolves to. */
    public ProbeTarget connectingTo(InetAddress address) {
        return new ProbeTarget(host, port, Optional.of(address));
    }

    /** The name to send in SNI; none for an IP address, which RFC 6066 §3 does not allow there. */
    public Optional<String> serverName() {
        return IpLiteral.parse(host).isPresent() ? Optional.empty() : Optional.of(host);
    }

    @Override
    public String toString() {
        String hostPort = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        return connectAddress.map(address -> hostPort + " via " + address.getHostAddress()).orElse(hostPort);
    }

    private static String normalized(String host) {
        String s = host.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        return s;
    }
}
