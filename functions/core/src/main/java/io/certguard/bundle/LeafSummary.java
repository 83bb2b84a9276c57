package io.certguard.bundle;

import io.certguard.tls.PresentedIdentifiers;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The leaf certificate's identity: what alarms, state records and the "does Twilio already have it" check compare.
 *
 * @param serialNumber      hex, upper-case, as {@code openssl x509 -serial} prints it
 * @param sha256Fingerprint SHA-256 of the DER, upper-case hex pairs separated by colons, as
 *                          {@code openssl x509 -fingerprint -sha256} prints it
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
        byte[] der;
        try {
            der = leaf.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate has no encoding", e);
        }
        return new LeafSummary(leaf.subject().getName(), leaf.issuer().getName(),
                leaf.certificate().getSerialNumber().toString(16).toUpperCase(Locale.ROOT), leaf.notBefore(),
                leaf.notAfter(), HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256(der)),
                PresentedIdentifiers.of(leaf.certificate()).dnsNames());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
