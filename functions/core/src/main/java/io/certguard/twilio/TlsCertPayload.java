package io.certguard.twilio;

import java.util.Objects;

/**
 * The {@code TlsCert} form field of a Certificate POST: the certificate chain (leaf, intermediates, root) followed by a
 * PKCS#8 {@code BEGIN PRIVATE KEY} block, all PEM. It contains a private key, so {@link #toString()} never shows it.
 */
public final class TlsCertPayload {

    private final String pem;

    public TlsCertPayload(String pem) {
        Objects.requireNonNull(pem, "pem");
        if (pem.isBlank()) {
            throw new IllegalArgumentException("TlsCert payload is empty");
        }
        this.pem = pem;
    }

    /** The PEM text to send; callers must not log it. */
    public String pem() {
        return pem;
    }

    @Override
    public String toString() {
        return "TlsCertPayload[" + pem.length() + " characters, redacted]";
    }
}
