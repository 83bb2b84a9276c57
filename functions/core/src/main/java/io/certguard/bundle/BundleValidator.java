package io.certguard.bundle;

import io.certguard.twilio.TlsCertPayload;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether Twilio will accept a bundle and, when it will, produces the exact {@code TlsCert} payload: the
 * chain leaf → intermediates → root, then the key as PKCS#8, as Twilio's Certificate endpoint asks (certificate
 * requirements, error 30131's page). Pure: no I/O, no clock; the same input and context give the same report.
 *
 * <p>Checks run whenever their inputs exist, so one report lists every problem: a missing key does not hide an
 * expired chain. Only a bundle without ERROR findings gets a payload.
 */
public final class BundleValidator {

    /**
     * Distinct certificates examined at most. Real chains have two to four; the bound keeps chain building (up to n²
     * signature verifications) small whatever the secret holds.
     */
    public static final int MAX_CERTIFICATES = 16;

    private BundleValidator() {
    }

    public static BundleReport validate(BundleInput input, ValidationContext context) {
        List<Finding> findings = new ArrayList<>(input.findings());
        List<ParsedCertificate> certificates = withoutCopies(input.certificates(), findings);
        Optional<Chain> chain = Optional.empty();
        if (certificates.size() > MAX_CERTIFICATES) {
            findings.add(Finding.of(FindingCode.TOO_MANY_CERTIFICATES, "the bundle has " + certificates.size()
                    + " different certificates; certguard examines at most " + MAX_CERTIFICATES + " (a chain is the"
                    + " leaf, its intermediates and the root): remove the certificates that are not part of this"
                    + " domain's chain"));
        } else if (!certificates.isEmpty()) {
            IssuerGraph graph = IssuerGraph.of(certificates);
            boolean someUnread = input.unreadCertificates() > 0;
            if (LeafSelector.choose(certificates, someUnread, input.privateKey(), graph, context.host(), findings)
                    instanceof LeafSelector.Choice.Chosen(ParsedCertificate leaf)) {
                Chain built = ChainBuilder.build(leaf, graph);
                KeyStrength.check(leaf, findings);
                LeafChecks.check(leaf, graph, context, findings);
                ValidityChecks.check(built, context, findings);
                ChainChecks.check(built, certificates, someUnread, graph, findings);
                chain = Optional.of(built);
            }
        }
        findings.sort(Comparator.comparing(Finding::severity)); // stable: detection order within a severity
        Optional<LeafSummary> leaf = chain.map(c -> LeafSummary.of(c.leaf()));
        if (findings.stream().anyMatch(Finding::blocksUpload)) {
            return new BundleReport.Rejected(findings, leaf);
        }
        PrivateKeyMaterial key = input.privateKey()
                .orElseThrow(() -> new IllegalStateException("no ERROR finding, yet no private key"));
        Chain complete = chain.orElseThrow(() -> new IllegalStateException("no ERROR finding, yet no chain"));
        return new BundleReport.Uploadable(findings, leaf.orElseThrow(), payload(complete, key));
    }

    /** Drops repeated certificates (same DER), with one finding per certificate that has copies. */
    private static List<ParsedCertificate> withoutCopies(List<ParsedCertificate> certificates, List<Finding> findings) {
        Map<X509Certificate, List<ParsedCertificate>> occurrences = new LinkedHashMap<>();
        for (ParsedCertificate c : certificates) {
            occurrences.computeIfAbsent(c.certificate(), k -> new ArrayList<>()).add(c);
        }
        for (List<ParsedCertificate> same : occurrences.values()) {
            if (same.size() > 1) {
                ParsedCertificate original = same.getFirst();
                List<ParsedCertificate> copies = same.subList(1, same.size());
                String which = copies.size() == 1 ? copies.getFirst().label() + " is a copy"
                        : "certificates " + Describe.names(copies.stream().map(c -> String.valueOf(c.index())).toList())
                                + " are copies";
                findings.add(Finding.about(FindingCode.DUPLICATE_CERTIFICATE, copies.getFirst(), which + " of "
                        + original.describe() + "; " + (copies.size() == 1 ? "the copy is" : "the copies are")
                        + " left out"));
            }
        }
        return occurrences.values().stream().map(List::getFirst).toList();
    }

    private static TlsCertPayload payload(Chain chain, PrivateKeyMaterial key) {
        StringBuilder pem = new StringBuilder();
        for (ParsedCertificate c : chain.path()) {
            try {
                pem.append(Pem.encode("CERTIFICATE", c.certificate().getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate has no encoding", e);
            }
        }
        pem.append(Pem.encode("PRIVATE KEY", key.pkcs8()));
        return new TlsCertPayload(pem.toString());
    }
}
