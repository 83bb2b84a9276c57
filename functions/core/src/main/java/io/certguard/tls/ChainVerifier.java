package io.certguard.tls;

import io.certguard.tls.PathBuilder.Anchored;
import io.certguard.tls.PathBuilder.Unanchored;
import io.certguard.tls.VerificationProblem.Kind;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Decides whether a chain, as a server sent it, is good for a host at a given instant: path building over the served
 * certificates ({@link PathBuilder}), PKIX validation of that path (RFC 5280 §6.1, by the JDK's validator) and the
 * host name check ({@link HostnameMatcher}, RFC 6125). Pure: no network, no clock. Revocation is not checked, since
 * fetching CRLs or OCSP answers would put network calls inside every verification.
 *
 * <p>Kept apart from the TLS connection on purpose: the handshake accepts any chain so that an expired or untrusted
 * certificate still yields its dates, and this class then says what is wrong with it. Thread-safe.
 */
public final class ChainVerifier {

    private final TrustAnchors anchors;

    public ChainVerifier(TrustAnchors anchors) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    /**
     * Verifies {@code served} (leaf first, as TLS sends it) for {@code host} at {@code now}.
     *
     * @throws IllegalArgumentException if {@code served} is empty
     */
    public ChainVerification verify(List<X509Certificate> served, String host, Instant now) {
        if (served.isEmpty()) {
            throw new IllegalArgumentException("no certificates to verify");
        }
        List<VerificationProblem> problems = new ArrayList<>();
        Optional<EarliestExpiry> earliestExpiry = Optional.empty();
        switch (PathBuilder.build(served, anchors)) {
            case Anchored path -> {
                Optional<VerificationProblem> rejected = validate(path, now);
                rejected.ifPresent(problems::add);
                if (rejected.isEmpty()) {
                    earliestExpiry = Optional.of(earliestExpiry(path));
                }
            }
            case Unanchored path -> problems.add(withoutAnchor(path.certificates()));
        }
        X509Certificate leaf = served.get(0);
        PresentedIdentifiers names = PresentedIdentifiers.of(leaf);
        if (!HostnameMatcher.matches(host, names)) {
            problems.add(new VerificationProblem(Kind.HOSTNAME_MISMATCH,
                    "hostname mismatch: the leaf certificate is for " + names.describe() + ", not " + host));
        }
        return new ChainVerification(problems, earliestExpiry);
    }

    private static Optional<VerificationProblem> validate(Anchored path, Instant now) {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(path.anchor()));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path.certificates()), parameters);
            return Optional.empty();
        } catch (CertPathValidatorException rejected) {
            return Optional.of(rejection(rejected, path.certificates()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX validator is unavailable: " + e.getMessage(), e);
        }
    }

    /** The problem PKIX reported, naming the certificate at the index it gave. */
    private static VerificationProblem rejection(CertPathValidatorException e, List<X509Certificate> path) {
        int index = e.getIndex(); // position in the path, leaf = 0; -1 when no single certificate is at fault
        if (index < 0 || index >= path.size()) {
            return new VerificationProblem(Kind.INVALID_CHAIN, "invalid chain: " + e.getMessage());
        }
        X509Certificate certificate = path.get(index);
        String which = "the " + describe(certificate, index);
        if (e.getReason() == BasicReason.EXPIRED) {
            return new VerificationProblem(Kind.EXPIRED,
                    "expired: " + which + " expired at " + certificate.getNotAfter().toInstant());
        }
        if (e.getReason() == BasicReason.NOT_YET_VALID) {
            return new VerificationProblem(Kind.NOT_YET_VALID,
                    "not yet valid: " + which + " is valid only from " + certificate.getNotBefore().toInstant());
        }
        return new VerificationProblem(Kind.INVALID_CHAIN,
                "invalid chain: " + which + " was rejected (" + e.getReason() + "): " + e.getMessage());
    }

    /** Why no trust anchor could be reached from the top of the best path the served certificates allow. */
    private VerificationProblem withoutAnchor(List<X509Certificate> path) {
        int index = path.size() - 1;
        X509Certificate top = path.get(index);
        X500Principal issuer = top.getIssuerX500Principal();
        if (PathBuilder.isSelfSigned(top)) {
            return new VerificationProblem(Kind.UNTRUSTED_ISSUER, index == 0
                    ? "untrusted issuer: the leaf certificate " + name(top) + " is self-signed, and not a trusted root"
                    : "untrusted issuer: the chain ends at the self-signed root " + name(top)
                            + ", which is not a trusted root");
        }
        if (!anchors.withSubject(issuer).isEmpty()) {
            return new VerificationProblem(Kind.UNTRUSTED_ISSUER, "untrusted issuer: the " + describe(top, index)
                    + " names the trusted root " + issuer.getName() + " as its issuer, but that root's key does not"
                    + " verify its signature");
        }
        return new VerificationProblem(Kind.INCOMPLETE_CHAIN, "incomplete chain: the server did not send the"
                + " certificate of " + issuer.getName() + ", which issued the " + describe(top, index)
                + ", and it is not a trusted root (is the intermediate certificate missing?)");
    }

    /** The first certificate on the path to expire; on a tie the one nearer the leaf. */
    private static EarliestExpiry earliestExpiry(Anchored path) {
        List<X509Certificate> certificates = path.certificates();
        X509Certificate earliest = certificates.get(0);
        EarliestExpiry.Role role = EarliestExpiry.Role.LEAF;
        for (int i = 1; i < certificates.size(); i++) {
            if (certificates.get(i).getNotAfter().before(earliest.getNotAfter())) {
                earliest = certificates.get(i);
                role = EarliestExpiry.Role.INTERMEDIATE;
            }
        }
        X509Certificate anchor = path.anchor().getTrustedCert();
        if (anchor.getNotAfter().before(earliest.getNotAfter())) {
            earliest = anchor;
            role = EarliestExpiry.Role.TRUST_ANCHOR;
        }
        return new EarliestExpiry(earliest.getNotAfter().toInstant(), role, name(earliest));
    }

    private static String describe(X509Certificate certificate, int index) {
        return (index == 0 ? "leaf certificate " : "intermediate certificate ") + name(certificate);
    }

    private static String name(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
