package io.certguard.loopback;

import io.certguard.testpki.HeldCertificate;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a TLS server sends in its Certificate message, in order, and the leaf's private key. Sent exactly as given:
 * missing, extra or out-of-order certificates are the point of some tests.
 */
public record ServedChain(List<X509Certificate> certificates, PrivateKey privateKey) {

    public ServedChain {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(privateKey, "privateKey");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a served chain needs at least the leaf certificate");
        }
    }

    /** {@code leaf} with its key, followed by {@code more} in the given order. */
    public static ServedChain of(HeldCertificate leaf, HeldCertificate... more) {
        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(leaf.certificate());
        for (HeldCertificate certificate : more) {
            certificates.add(certificate.certificate());
        }
        return new ServedChain(certificates, leaf.privateKey());
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }
}
