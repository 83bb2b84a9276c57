package io.certguard.bundle;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the chain as a whole. Twilio: "Upload the full certificate chain as a single file. Include the server
 * certificate, all intermediate CA certificates, and the root CA certificate" (error 30131's page).
 */
final class ChainChecks {

    /** md2WithRSA, md5WithRSA, sha1WithRSA (PKCS#1 and OIW), ecdsa-with-SHA1, dsa-with-sha1. */
    private static final Set<String> WEAK_SIGNATURES = Set.of("1.2.840.113549.1.1.2", "1.2.840.113549.1.1.4",
            "1.2.840.113549.1.1.5", "1.3.14.3.2.29", "1.2.840.10045.4.1", "1.2.840.10040.4.3");

    private ChainChecks() {
    }

    /**
     * @param someUnread whether a certificate block could not be read: the chain's missing issuer may be that block,
     *                   so incompleteness is not judged then (PEM_MALFORMED says what to fix)
     */
    static void check(Chain chain, List<ParsedCertificate> certificates, boolean someUnread, IssuerGraph graph,
                      List<Finding> findings) {
        if (!someUnread || chain.end() instanceof Chain.End.BadSignature) {
            end(chain, certificates, graph, findings);
        }
        List<ParsedCertificate> path = chain.path();
        for (int i = 0; i < path.size(); i++) {
            ParsedCertificate c = path.get(i);
            boolean root = graph.isSelfSigned(c);
            if (i > 0 && !root && !c.isCa()) {
                // RFC 5280 §6.1.4 (k): every intermediate must be a CA; a root is a trust anchor and not checked.
                findings.add(Finding.about(FindingCode.ISSUER_NOT_CA, c, c.describe() + " issued "
                        + path.get(i - 1).describe() + " but is not a CA certificate (no basic constraints cA=true);"
                        + " clients reject such a chain (RFC 5280 §6.1.4): include the CA's intermediate certificate"
                        + " instead"));
            }
            if (!root && WEAK_SIGNATURES.contains(c.certificate().getSigAlgOID())) {
                // A root's self-signature is never checked by clients, so a SHA-1 root is fine.
                findings.add(Finding.about(FindingCode.WEAK_SIGNATURE_ALGORITHM, c, c.describe() + " is signed with "
                        + c.certificate().getSigAlgName() + "; clients reject SHA-1 and MD5 signatures (CA/Browser"
                        + " Forum Baseline Requirements §7.1.3.2): get a certificate signed with SHA-256 or better"));
            }
        }
        List<Integer> order = path.stream().map(ParsedCertificate::index).toList();
        if (!order.equals(order.stream().sorted().toList())) {
            findings.add(Finding.of(FindingCode.CHAIN_ORDER, "the certificates were not in chain order; the payload"
                    + " lists them leaf first, then intermediates, then the root, as Twilio asks: certificates "
                    + order.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        if (chain.end() instanceof Chain.End.Root) {
            // Only a complete chain tells what is unrelated: next to a gap, a certificate may be the intended one.
            certificates.stream().filter(c -> !path.contains(c)).forEach(c -> findings.add(Finding.about(
                    FindingCode.UNRELATED_CERTIFICATE, c, c.describe() + " is not part of the chain of "
                            + chain.leaf().describe() + "; it is left out of the payload")));
        }
    }

    private static void end(Chain chain, List<ParsedCertificate> certificates, IssuerGraph graph, List<Finding> findings) {
        ParsedCertificate last = chain.last();
        switch (chain.end()) {
            case Chain.End.Root root -> {
                // complete
            }
            case Chain.End.BadSignature bad when bad.signer().equals(last) ->
                    findings.add(Finding.about(FindingCode.CHAIN_SIGNATURE_INVALID, last, "the self-signature of "
                            + last.describe() + " does not verify; the certificate is corrupt: download it again from"
                            + " the CA"));
            case Chain.End.BadSignature bad ->
                    findings.add(Finding.about(FindingCode.CHAIN_SIGNATURE_INVALID, last, "the signature of "
                            + last.describe() + " does not verify with the key of " + bad.signer().describe()
                            + ", its issuer by name and key identifier; one of them is corrupt or altered: download the"
                            + " chain again from the CA"));
            case Chain.End.OtherKey other ->
                    findings.add(Finding.about(FindingCode.CHAIN_INCOMPLETE, last, "no issuer found for "
                            + last.describe() + ": " + other.sameName().describe() + " has its issuer's name but a"
                            + " different key, so it is another generation of that CA; include the CA certificate"
                            + " that issued " + last.label()));
            case Chain.End.MissingIssuer missing when last == chain.leaf()
                    || certificates.stream().anyMatch(graph::isSelfSigned) ->
                    findings.add(Finding.about(FindingCode.CHAIN_INCOMPLETE, last, "no issuer found for "
                            + last.describe() + ": the certificate of its issuer, " + missing.issuer().getName()
                            + ", is not in the bundle; add it, and any CA certificates between it and the root"));
            case Chain.End.MissingIssuer missing ->
                    findings.add(Finding.about(FindingCode.ROOT_MISSING, last, "the chain ends at " + last.describe()
                            + " without a self-signed root; Twilio requires the full chain including the root CA"
                            + " certificate: append the certificate of " + missing.issuer().getName()));
        }
    }
}
