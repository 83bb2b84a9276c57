package io.certguard.tls;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders served certificates into a certification path from the leaf toward a trust anchor, by forward building
 * (RFC 4158 §2.3): from the current certificate, first look for a trust anchor that issued it, then for a served
 * certificate that did (same name as its issuer, and its key verifies the signature), backtracking when a branch
 * leads nowhere.
 *
 * <p>The path holds only what validation uses. Extra certificates a server sends (an unused cross-sign, a copy of the
 * root, an unrelated intermediate) stay out of it, which is what keeps them out of the earliest expiry.
 */
final class PathBuilder {

    /** The leaf first, then each certificate's issuer; a path built as far as the served certificates allow. */
    sealed interface BuiltPath {
        List<X509Certificate> certificates();
    }

    /** A path whose last certificate was issued by {@code anchor}. */
    record Anchored(List<X509Certificate> certificates, TrustAnchor anchor) implements BuiltPath {
    }

    /** No path reaches a trust anchor; this is the one that goes furthest by always taking the first issuer. */
    record Unanchored(List<X509Certificate> certificates) implements BuiltPath {
    }

    private final List<X509Certificate> pool;
    private final TrustAnchors anchors;
    /** Issuers from which no anchor was reachable; never explored twice, so building stays polynomial. */
    private final Set<X509Certificate> deadEnds = new HashSet<>();

    private PathBuilder(List<X509Certificate> pool, TrustAnchors anchors) {
        this.pool = pool;
        this.anchors = anchors;
    }

    /** Builds a path for {@code served} (leaf first, as TLS sends it) against {@code anchors}. */
    static BuiltPath build(List<X509Certificate> served, TrustAnchors anchors) {
        X509Certificate leaf = served.get(0);
        List<X509Certificate> pool = served.stream().skip(1).filter(c -> !c.equals(leaf)).distinct().toList();
        PathBuilder builder = new PathBuilder(pool, anchors);
        Optional<Anchored> anchored = builder.extend(new ArrayList<>(List.of(leaf)));
        return anchored.isPresent() ? anchored.get() : builder.firstIssuers(leaf);
    }

    private Optional<Anchored> extend(List<X509Certificate> path) {
        X509Certificate top = path.get(path.size() - 1);
        for (TrustAnchor anchor : anchors.withSubject(top.getIssuerX500Principal())) {
            if (isSignedBy(top, anchor.getTrustedCert().getPublicKey())) {
                return Optional.of(new Anchored(List.copyOf(path), anchor));
            }
        }
        for (X509Certificate issuer : servedIssuersOf(top, path)) {
            if (deadEnds.contains(issuer)) {
                continue;
            }
            path.add(issuer);
            Optional<Anchored> anchored = extend(path);
            if (anchored.isPresent()) {
                return anchored;
            }
            path.remove(path.size() - 1);
            deadEnds.add(issuer);
        }
        return Optional.empty();
    }

    private Unanchored firstIssuers(X509Certificate leaf) {
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        List<X509Certificate> issuers = servedIssuersOf(leaf, path);
        while (!issuers.isEmpty()) {
            path.add(issuers.get(0));
            issuers = servedIssuersOf(issuers.get(0), path);
        }
        return new Unanchored(List.copyOf(path));
    }

    /** Served certificates, not yet on the path, that issued {@code certificate}. */
    private List<X509Certificate> servedIssuersOf(X509Certificate certificate, List<X509Certificate> path) {
        return pool.stream()
                .filter(candidate -> candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(candidate -> !path.contains(candidate))
                .filter(candidate -> isSignedBy(certificate, candidate.getPublicKey()))
                .toList();
    }

    static boolean isSignedBy(X509Certificate certificate, PublicKey key) {
        try {
            certificate.verify(key);
            return true;
        } catch (GeneralSecurityException wrongKeyOrBadSignature) {
            return false;
        }
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && isSignedBy(certificate, certificate.getPublicKey());
    }
}
