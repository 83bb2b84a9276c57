package io.certguard.bundle;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One thing validation found. Messages are written for the person who has to fix the bundle, say how, and never
 * contain key material, a passphrase or PEM text; they may name certificates (subject, validity), which are public.
 *
 * @param certificateIndex the certificate the finding is about: its position among the certificate blocks of the
 *                         input, counting from 0 in reading order (for a JSON secret: {@code certificate} first, then
 *                         {@code chain}); empty when the finding is not about one certificate
 */
public record Finding(FindingCode code, Severity severity, String message, OptionalInt certificateIndex) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(certificateIndex, "certificateIndex");
    }

    static Finding of(FindingCode code, String message) {
        return new Finding(code, code.severity(), message, OptionalInt.empty());
    }

    static Finding about(FindingCode code, int certificateIndex, String message) {
        return new Finding(code, code.severity(), message, OptionalInt.of(certificateIndex));
    }

    static Finding about(FindingCode code, ParsedCertificate certificate, String message) {
        return about(code, certificate.index(), message);
    }

    /** Whether this finding stops the upload. */
    public boolean blocksUpload() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + code + (certificateIndex.isPresent() ? " [certificate " + certificateIndex.getAsInt() + "]" : "")
                + ": " + message;
    }
}
