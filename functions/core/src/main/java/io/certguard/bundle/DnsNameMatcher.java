package io.certguard.bundle;

import java.util.Locale;

/**
 * Matches a DNS name presented by a certificate against the host a client connects to, by RFC 6125 §6.4 as RFC 9525
 * §6.3 tightened it: ASCII case-insensitive (§6.4.1), a trailing dot ignored, and a wildcard only as the complete
 * left-most label, standing for exactly one label (§6.4.3): {@code *.example.com} covers {@code links.example.com}
 * but not {@code example.com} nor {@code a.links.example.com}; partial wildcards ({@code l*.example.com}) and a
 * wildcard over fewer than two labels ({@code *.com}) match nothing. Hosts are expected in A-label form.
 */
final class DnsNameMatcher {

    private DnsNameMatcher() {
    }

    static boolean matches(String presented, String host) {
        String name = canonical(presented);
        String reference = canonical(host);
        if (name.isEmpty() || reference.isEmpty() || reference.contains("*")) {
            return false;
        }
        if (!name.startsWith("*.")) {
            return !name.contains("*") && name.equals(reference);
        }
        String suffix = name.substring(1); // ".example.com"
        if (suffix.contains("*") || suffix.indexOf('.', 1) < 0 || !reference.endsWith(suffix)) {
            return false;
        }
        String label = reference.substring(0, reference.length() - suffix.length());
        return !label.isEmpty() && label.indexOf('.') < 0;
    }

    private static String canonical(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
