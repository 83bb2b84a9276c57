package io.certguard.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Does a certificate cover a host name? The rules of RFC 6125 §6.4, as browsers apply them:
 *
 * <ul>
 *   <li>DNS-IDs come from subjectAltName dNSName entries, compared case-insensitively as A-labels (§6.4.1, §6.4.2),
 *       ignoring one trailing dot;
 *   <li>a wildcard is allowed only as the whole left-most label and matches exactly one label (§6.4.3, the rule
 *       draft-ietf-uta-rfc6125bis makes mandatory): {@code *.example.com} covers {@code a.example.com}, not
 *       {@code example.com} nor {@code a.b.example.com}; partial-label wildcards such as {@code f*.example.com} match
 *       nothing, and neither does a wildcard over fewer than two labels such as {@code *.com};
 *   <li>the subject CN is consulted only when the certificate has no dNSName at all (§6.4.4);
 *   <li>an IP address literal matches iPAddress entries only, by address value, never a DNS-ID or CN.
 * </ul>
 *
 * <p>Wildcards over a public suffix of more than one label (such as {@code *.co.uk}) are not recognised: that needs
 * the Public Suffix List, and a CA issuing such a certificate would be in breach of the CA/Browser Forum rules.
 */
public final class HostnameMatcher {

    private HostnameMatcher() {
    }

    /** Whether {@code certificate} is valid for {@code host} (a DNS name or an IP address literal). */
    public static boolean matches(String host, X509Certificate certificate) {
        return matches(host, PresentedIdentifiers.of(certificate));
    }

    /** Whether the presented {@code names} cover {@code host} (a DNS name or an IP address literal). */
    public static boolean matches(String host, PresentedIdentifiers names) {
        Optional<InetAddress> address = IpLiteral.parse(host);
        if (address.isPresent()) {
            return names.ipAddresses().stream()
                    .map(IpLiteral::parse)
                    .flatMap(Optional::stream)
                    .anyMatch(address.get()::equals);
        }
        Optional<String> reference = referenceIdentifier(host);
        if (reference.isEmpty()) {
            return false;
        }
        List<String> dnsIds = names.dnsNames().isEmpty() ? names.commonName().stream().toList() : names.dnsNames();
        return dnsIds.stream().anyMatch(presented -> matchesDnsId(reference.get(), presented));
    }

    /**
     * Whether one presented DNS-ID (a SAN dNSName, or a CN where there is no dNSName) covers the DNS name {@code host}:
     * exact, or a left-most whole-label wildcard over at least two labels.
     */
    public static boolean matchesName(String host, String presentedDnsId) {
        return referenceIdentifier(host).map(reference -> matchesDnsId(reference, presentedDnsId)).orElse(false);
    }

    /** The host as lower-case A-labels without a trailing dot, or empty when it is not a usable host name. */
    private static Optional<String> referenceIdentifier(String host) {
        String ascii;
        try {
            ascii = IDN.toASCII(host.strip(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
        String name = withoutTrailingDot(ascii).toLowerCase(Locale.ROOT);
        return hasEmptyLabel(name) || name.indexOf('*') >= 0 ? Optional.empty() : Optional.of(name);
    }

    private static boolean matchesDnsId(String reference, String presented) {
        String pattern = withoutTrailingDot(presented.strip()).toLowerCase(Locale.ROOT);
        if (hasEmptyLabel(pattern) || !isAscii(pattern)) {
            return false;
        }
        if (!pattern.startsWith("*.")) {
            return pattern.indexOf('*') < 0 && pattern.equals(reference);
        }
        String base = pattern.substring(2);
        int firstDot = reference.indexOf('.');
        return base.indexOf('*') < 0
                && base.indexOf('.') > 0 // at least two labels under the wildcard: no *.com
                && firstDot > 0
                && reference.substring(firstDot + 1).equals(base);
    }

    private static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean hasEmptyLabel(String name) {
        return name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..");
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
