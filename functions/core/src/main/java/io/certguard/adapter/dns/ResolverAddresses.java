package io.certguard.adapter.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;
import org.xbill.DNS.ResolverConfig;

/**
 * The recursive resolvers to ask: parsed from the {@code DNS_RESOLVERS} setting, or the system's. Addresses only,
 * never host names: finding the DNS server must not itself need DNS.
 */
public final class ResolverAddresses {

    public static final int DNS_PORT = 53;

    private static final String EXPECTED = "Expected comma-separated ip[:port] entries, e.g. 10.0.0.2, 10.0.0.2:5353,"
            + " 2001:db8::53 or [2001:db8::53]:5353";

    private ResolverAddresses() {
    }

    /**
     * Parses {@code ip[:port]} entries separated by commas; IPv6 addresses take a port only inside brackets. Empty
     * entries are skipped.
     *
     * @throws IllegalArgumentException listing every malformed entry by position, or saying that none is given
     */
    public static List<InetSocketAddress> parse(String setting) {
        List<InetSocketAddress> resolvers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] entries = setting.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                resolvers.add(parseEntry(entry));
            } catch (IllegalArgumentException e) {
                problems.add("entry " + (i + 1) + " (\"" + abbreviate(entry) + "\"): " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("DNS_RESOLVERS is malformed: " + String.join("; ", problems) + ". "
                    + EXPECTED);
        }
        if (resolvers.isEmpty()) {
            throw new IllegalArgumentException("DNS_RESOLVERS lists no resolver. " + EXPECTED
                    + "; leave it unset to use the system's resolvers");
        }
        return List.copyOf(resolvers);
    }

    /**
     * The resolvers of the system configuration ({@code /etc/resolv.conf} on Lambda, which names the VPC resolver).
     *
     * @throws IllegalStateException when the system names none
     */
    public static List<InetSocketAddress> fromSystem() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        if (servers.isEmpty()) {
            throw new IllegalStateException("the system configuration names no DNS resolver; set DNS_RESOLVERS");
        }
        return List.copyOf(servers);
    }

    private static InetSocketAddress parseEntry(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("\"[\" without \"]\"");
            }
            String rest = entry.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("only \":port\" may follow \"]\"");
            }
            return socket(address(entry.substring(1, close), Address.IPv6),
                    rest.isEmpty() ? DNS_PORT : port(rest.substring(1)));
        }
        int colons = (int) entry.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return socket(address(entry, Address.IPv6), DNS_PORT);
        }
        int colon = entry.indexOf(':');
        return colon < 0 ? socket(address(entry, Address.IPv4), DNS_PORT)
                : socket(address(entry.substring(0, colon), Address.IPv4), port(entry.substring(colon + 1)));
    }

    private static byte[] address(String text, int family) {
        byte[] bytes = Address.toByteArray(text, family);
        if (bytes == null) {
            throw new IllegalArgumentException("\"" + abbreviate(text) + "\" is not an "
                    + (family == Address.IPv4 ? "IPv4" : "IPv6") + " address"
                    + (family == Address.IPv4 && text.chars().anyMatch(Character::isLetter)
                            ? " (host names are not accepted)" : ""));
        }
        return bytes;
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("port \"" + abbreviate(text) + "\" is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
        }
        return port;
    }

    private static InetSocketAddress socket(byte[] address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-octet address was refused", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
