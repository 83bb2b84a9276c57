package io.certguard.bundle;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Who issued whom among the bundle's certificates. A certificate P is a candidate issuer of C when P's subject equals
 * C's issuer name (RFC 5280 §6.1.3 (a)(4)); it is C's issuer only when C's signature verifies with P's public key.
 * Names alone are not trusted: two CA generations share a name. Key identifiers (RFC 5280 §4.2.1.1/§4.2.1.2) that
 * disagree rule a candidate out without a verification.
 *
 * <p>Built once per validation; work is bounded by the number of same-name pairs, at most n² signature
 * verifications for the n ≤ {@link BundleValidator#MAX_CERTIFICATES} certificates.
 */
final class IssuerGraph {

    /** How a candidate issuer (same name) relates to a certificate. */
    enum Link {
        /** The certificate's signature verifies with the candidate's key. */
        ISSUED_BY,
        /** The candidate's key identifier is not the certificate's authority key identifier. */
        OTHER_KEY,
        /** Names and key identifiers agree, but the signature does not verify. */
        BAD_SIGNATURE
    }

    private final Map<ParsedCertificate, Map<ParsedCertificate, Link>> candidates = new HashMap<>();
    private final Map<ParsedCertificate, Boolean> selfSignatureValid = new HashMap<>();

    private IssuerGraph() {
    }

    static IssuerGraph of(List<ParsedCertificate> certificates) {
        IssuerGraph graph = new IssuerGraph();
        Map<X500Principal, List<ParsedCertificate>> bySubject = new LinkedHashMap<>();
        for (ParsedCertificate c : certificates) {
            bySubject.computeIfAbsent(c.subject(), s -> new ArrayList<>()).add(c);
        }
        for (ParsedCertificate child : certificates) {
            Map<ParsedCertificate, Link> links = new LinkedHashMap<>();
            for (ParsedCertificate candidate : bySubject.getOrDefault(child.issuer(), List.of())) {
                if (candidate.equals(child)) {
                    graph.selfSignatureValid.put(child, verifies(child, child));
                } else {
                    links.put(candidate, keyIdsDisagree(child, candidate) ? Link.OTHER_KEY
                            : verifies(child, candidate) ? Link.ISSUED_BY : Link.BAD_SIGNATURE);
                }
            }
            graph.candidates.put(child, links);
        }
        return graph;
    }

    /** The certificates whose key verifies {@code child}'s signature, in input order. */
    List<ParsedCertificate> issuers(ParsedCertificate child) {
        return linked(child, Link.ISSUED_BY);
    }

    /** The first candidate of {@code child} related by {@code link}. */
    Optional<ParsedCertificate> first(ParsedCertificate child, Link link) {
        return linked(child, link).stream().findFirst();
    }

    /** Subject equals issuer and the signature verifies with the certificate's own key: a root. */
    boolean isSelfSigned(ParsedCertificate certificate) {
        return selfSignatureValid.getOrDefault(certificate, false);
    }

    /** Subject equals issuer but the signature does not verify with the certificate's own key. */
    boolean hasBrokenSelfSignature(ParsedCertificate certificate) {
        return Boolean.FALSE.equals(selfSignatureValid.get(certificate));
    }

    /** Whether {@code issuer} issued another certificate of the bundle. */
    boolean issuesAnother(ParsedCertificate issuer) {
        return candidates.values().stream().anyMatch(links -> links.get(issuer) == Link.ISSUED_BY);
    }

    private List<ParsedCertificate> linked(ParsedCertificate child, Link link) {
        return candidates.getOrDefault(child, Map.of()).entrySet().stream()
                .filter(e -> e.getValue() == link)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static boolean keyIdsDisagree(ParsedCertificate child, ParsedCertificate candidate) {
        return child.authorityKeyId().isPresent() && candidate.subjectKeyId().isPresent()
                && !child.authorityKeyId().equals(candidate.subjectKeyId());
    }

    private static boolean verifies(ParsedCertificate child, ParsedCertificate issuer) {
        try {
            child.certificate().verify(issuer.certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
