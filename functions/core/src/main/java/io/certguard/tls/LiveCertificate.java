package io.certguard.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificate a host serves right now, as one TLS handshake showed it, and whether it is good for that host.
 * Dates are reported whether or not the chain verifies: an expired or untrusted certificate is exactly the one whose
 * dates matter.
 *
 * @param subject           leaf subject (RFC 2253)
 * @param issuer            leaf issuer (RFC 2253)
 * @param names             leaf subjectAltNames and common name
 * @param sha256Fingerprint leaf fingerprint, lower-case hex ({@link CertificateFingerprint})
 * @param serialNumber      leaf serial number, lower-case hex
 * @param servedChainSize   certificates in the server's Certificate message, leaf included, used or not
 * @param protocol          negotiated TLS version, e.g. {@code TLSv1.3}
 * @param cipherSuite       negotiated cipher suite, e.g. {@code TLS_AES_128_GCM_SHA256}
 */
public record LiveCertificate(String subject, String issuer, PresentedIdentifiers names, Instant notBefore,
        Instant notAfter, String sha256Fingerprint, String serialNumber, int servedChainSize, String protocol,
        String cipherSuite, ChainVerification verification) {

    public LiveCertificate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(verification, "verification");
    }

    /** Describes the leaf of {@code served} (leaf first, as the server sent it) and the verdict on the chain. */
    public static LiveCertificate of(List<X509Certificate> served, String protocol, String cipherSuite,
            ChainVerification verification) {
        X509Certificate leaf = served.get(0);
        return new LiveCertificate(leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                PresentedIdentifiers.of(leaf), leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(),
                CertificateFingerprint.sha256(leaf), leaf.getSerialNumber().toString(16), served.size(), protocol,
                cipherSuite, verification);
    }

    /** Good for the host: the path validates to a trust anchor at the probe's instant and the leaf names the host. */
    public boolean verified() {
        return verification.verified();
    }

    /** What is wrong, naming the certificate concerned; empty when {@link #verified()}. */
    public Optional<String> verificationError() {
        return verification.error();
    }

    /** The first certificate on the verified path to expire; empty when PKIX rejected the path. */
    public Optional<EarliestExpiry> earliestExpiry() {
        return verification.earliestExpiry();
    }
}
