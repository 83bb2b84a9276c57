package io.certguard.bundle;

import io.certguard.tls.CertificateFingerprint;
import io.certguard.tls.PresentedIdentifiers;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The leaf certificate's identity: what alarms, state records and the "does Twilio already have it" check compare.
 *
 * @param serialNumber      lower-case hex, as the TLS probe reports it
 * @param sha256Fingerprint SHA-256 of the DER in {@link CertificateFingerprint}'s form, the same the TLS probe reports,
 *                          so an upload and the certificate a host serves compare directly
 * @param dnsNames          the DNS subject alternative names
 */
public record LeafSummary(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter,
                          String sha256Fingerprint, List<String> dnsNames) {

    public LeafSummary {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        dnsNames = List.copyOf(dnsNames);
    }

    static LeafSummary of(ParsedCertificate leaf) {
        return new LeafSummary(leaf.subject().getName(), leaf.issuer().getName(),
                leaf.certificate().getSerialNumber().toString(16), leaf.notBefore(), leaf.notAfter(),
                CertificateFingerprint.sha256(leaf.certificate()), PresentedIdentifiers.of(leaf.certificate()).dnsNames());
    }
}
