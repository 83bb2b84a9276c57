package io.certguard.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises IPv4 and IPv6 address literals without ever asking a resolver: a host given as an address is matched
 * against iPAddress names only (RFC 6125 §3.1.3.2 leaves IP addresses out of DNS-ID matching, RFC 6066 §3 keeps them
 * out of SNI).
 */
final class IpLiteral {

    /** Dotted quad, decimal, no leading zeros (which some parsers read as octal). */
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private IpLiteral() {
    }

    /** The address {@code text} spells, or empty when it is not an address literal (brackets around IPv6 allowed). */
    static Optional<InetAddress> parse(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        try {
            if (s.indexOf(':') >= 0) {
                // Bracketed, InetAddress treats the text as an IPv6 literal and rejects it rather than resolve it.
                return Optional.of(InetAddress.getByName("[" + s + "]"));
            }
            if (IPV4.matcher(s).matches()) {
                return Optional.of(InetAddress.getByName(s));
            }
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
