package io.certguard.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * Says what an input without any PEM block looks like, and how to turn it into PEM: the usual mistakes are storing
 * the DER or PKCS#12 file a CA or a Windows export produced, or base64 of it. Never quotes the content.
 */
final class ForeignFormat {

    /** What a DER structure is, with the OpenSSL command that converts it to PEM. */
    enum DerKind {
        PKCS12("PKCS#12 (.p12/.pfx)", "openssl pkcs12 -in bundle.p12 -nodes -out bundle.pem"),
        CERTIFICATE("a DER certificate", "openssl x509 -inform der -in certificate.der -out certificate.pem"),
        PRIVATE_KEY("a DER private key", "openssl pkey -inform der -in key.der -out key.pem"),
        OTHER("DER (binary ASN.1)", "openssl x509 -inform der -in certificate.der -out certificate.pem");

        private final String description;
        private final String command;

        DerKind(String description, String command) {
            this.description = description;
            this.command = command;
        }
    }

    private ForeignFormat() {
    }

    /** Describes binary content, such as a SecretBinary that is not text. */
    static String describeBytes(byte[] bytes) {
        return derKind(bytes)
                .map(kind -> "this looks like " + kind.description + "; convert with \"" + kind.command + "\"")
                .orElseGet(() -> "it is " + Describe.count(bytes.length)
                        + " bytes of binary data that is neither PEM nor DER");
    }

    /** Describes text without a BEGIN line. */
    static String describeText(String text) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.length() >= 16 && compact.chars().allMatch(ForeignFormat::isBase64)) {
            Optional<byte[]> decoded = decodeBase64(compact);
            if (decoded.isPresent()) {
                byte[] bytes = decoded.get();
                if (new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
                    return "this looks like base64 of PEM text; store the decoded text (base64 -d)";
                }
                Optional<DerKind> kind = derKind(bytes);
                if (kind.isPresent()) {
                    return "this looks like base64 of " + kind.get().description + "; decode it (base64 -d) and"
                            + " convert with \"" + kind.get().command + "\"";
                }
            }
        }
        return "it is " + Describe.count(text.length()) + " characters of text that is not PEM";
    }

    static Optional<DerKind> derKind(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != 0x30) {
            return Optional.empty();
        }
        ASN1Sequence sequence;
        try {
            sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (parses(() -> Pfx.getInstance(sequence))) {
            return Optional.of(DerKind.PKCS12);
        }
        if (parses(() -> Certificate.getInstance(sequence))) {
            return Optional.of(DerKind.CERTIFICATE);
        }
        if (parses(() -> PrivateKeyInfo.getInstance(sequence)) || parses(() -> RSAPrivateKey.getInstance(sequence))
                || parses(() -> EncryptedPrivateKeyInfo.getInstance(sequence)) || isSec1EcKey(sequence)) {
            return Optional.of(DerKind.PRIVATE_KEY);
        }
        return Optional.of(DerKind.OTHER);
    }

    /** SEC1 (RFC 5915 §3): {@code SEQUENCE { INTEGER 1, OCTET STRING, … }}. */
    private static boolean isSec1EcKey(ASN1Sequence sequence) {
        return sequence.size() >= 2 && sequence.getObjectAt(0) instanceof ASN1Integer version
                && version.hasValue(1) && sequence.getObjectAt(1) instanceof ASN1OctetString;
    }

    private static boolean parses(Runnable attempt) {
        try {
            attempt.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<byte[]> decodeBase64(String compact) {
        try {
            return Optional.of(Base64.getDecoder().decode(compact));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isBase64(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }
}
