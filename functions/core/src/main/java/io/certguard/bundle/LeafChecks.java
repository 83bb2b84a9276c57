package io.certguard.bundle;

import io.certguard.tls.HostnameMatcher;
import io.certguard.tls.PresentedIdentifiers;
import java.security.cert.CertificateParsingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What Twilio and the clients opening short links require of the leaf certificate itself. */
final class LeafChecks {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final Map<String, String> PURPOSES = Map.of(
            SERVER_AUTH, "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    private LeafChecks() {
    }

    static void check(ParsedCertificate leaf, IssuerGraph graph, ValidationContext context, List<Finding> findings) {
        names(leaf, context.host(), findings);
        serverAuth(leaf, findings);
        if (leaf.isCa()) {
            findings.add(Finding.about(FindingCode.LEAF_IS_CA, leaf, leaf.describe() + " is a CA certificate (basic"
                    + " constraints cA=true), not a server certificate; upload the certificate issued for "
                    + context.host()));
        }
        if (graph.isSelfSigned(leaf)) {
            findings.add(Finding.about(FindingCode.SELF_SIGNED_LEAF, leaf, leaf.describe() + " is self-signed; the"
                    + " phones and browsers opening short links trust only certificates from a public CA: get one"
                    + " from a CA, or let Twilio manage the certificate"));
        }
    }

    /**
     * Twilio: "The certificate must be issued for the exact domain or subdomain". Whether certificates naming more
     * (SANs, wildcards) are accepted is disputed between Twilio's pages, hence a warning only.
     */
    private static void names(ParsedCertificate leaf, String host, List<Finding> findings) {
        PresentedIdentifiers names = PresentedIdentifiers.of(leaf.certificate());
        if (!HostnameMatcher.matches(host, names)) {
            String presented = names.presented().isEmpty()
                    ? " names no host (no DNS subject alternative name or common name)"
                    : " is for " + Describe.names(names.presented()) + ", not " + host;
            String ignoredCn = !names.dnsNames().isEmpty()
                    && names.commonName().filter(cn -> HostnameMatcher.matchesName(host, cn)).isPresent()
                    ? "; its common name does not count, as it has DNS subject alternative names (RFC 6125 §6.4.4)"
                    : "";
            findings.add(Finding.about(FindingCode.HOSTNAME_MISMATCH, leaf, leaf.describe() + presented + ignoredCn
                    + "; Twilio needs a certificate issued for " + host + " (RFC 6125: a wildcard stands for exactly"
                    + " one left-most label)"));
            return;
        }
        List<String> beyond = names.presented().stream()
                .filter(name -> !name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "").equals(host))
                .toList();
        if (!beyond.isEmpty()) {
            findings.add(Finding.about(FindingCode.MULTIPLE_NAMES, leaf, leaf.describe() + " names more than " + host
                    + " (" + Describe.names(names.presented()) + "); Twilio's documentation disagrees on whether"
                    + " certificates with several names or wildcards are accepted, so one issued for exactly " + host
                    + " is the safe choice"));
        }
    }

    /** RFC 5280 §4.2.1.12: with the extension present, the certificate is for the listed purposes only. */
    private static void serverAuth(ParsedCertificate leaf, List<Finding> findings) {
        List<String> purposes;
        try {
            purposes = leaf.certificate().getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            purposes = null; // the JDK parsed the certificate, so this does not happen; treat as no extension
        }
        if (purposes != null && !purposes.contains(SERVER_AUTH)) {
            findings.add(Finding.about(FindingCode.NOT_SERVER_AUTH, leaf, leaf.describe() + " is restricted to "
                    + Describe.names(purposes.stream().map(p -> PURPOSES.getOrDefault(p, p)).toList())
                    + " by its extended key usage, which leaves out TLS servers (serverAuth, RFC 5280 §4.2.1.12);"
                    + " issue it for TLS web server authentication"));
        }
    }
}
