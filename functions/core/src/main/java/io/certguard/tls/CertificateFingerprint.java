package io.certguard.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * A certificate's SHA-256 fingerprint: the digest of its DER encoding, in lower-case hex without separators (what
 * {@code openssl x509 -fingerprint -sha256} prints, minus the colons). It identifies one certificate exactly, which is
 * what alarm de-duplication keys on.
 */
public final class CertificateFingerprint {

    private CertificateFingerprint() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
