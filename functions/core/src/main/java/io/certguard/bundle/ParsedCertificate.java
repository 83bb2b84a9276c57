package io.certguard.bundle;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A certificate read from the input.
 *
 * @param index          its position among the input's certificate blocks, from 0 (see {@link Finding})
 * @param location       where its block starts, for messages
 * @param subjectKeyId   the subject key identifier (RFC 5280 §4.2.1.2), hex, when present
 * @param authorityKeyId the key identifier of the authority key identifier (RFC 5280 §4.2.1.1), hex, when present
 */
record ParsedCertificate(int index, String location, X509Certificate certificate, Optional<String> subjectKeyId,
                         Optional<String> authorityKeyId) {

    ParsedCertificate {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(subjectKeyId, "subjectKeyId");
        Objects.requireNonNull(authorityKeyId, "authorityKeyId");
    }

    static ParsedCertificate of(int index, String location, X509CertificateHolder holder, X509Certificate certificate) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(holder.getExtensions());
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(holder.getExtensions());
        HexFormat hex = HexFormat.of();
        return new ParsedCertificate(index, location, certificate,
                Optional.ofNullable(ski).map(id -> hex.formatHex(id.getKeyIdentifier())),
                Optional.ofNullable(aki).map(AuthorityKeyIdentifier::getKeyIdentifierObject)
                        .map(id -> hex.formatHex(id.getOctets())));
    }

    X500Principal subject() {
        return certificate.getSubjectX500Principal();
    }

    X500Principal issuer() {
        return certificate.getIssuerX500Principal();
    }

    Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    /** {@code certificate 1}. */
    String label() {
        return "certificate " + index;
    }

    /** {@code certificate 1 (CN=R3,O=Let's Encrypt,C=US)}: how messages name a certificate. */
    String describe() {
        String name = subject().getName();
        return label() + " (" + (name.isEmpty() ? "no subject name" : name) + ")";
    }
}
