package io.certguard.bundle;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.openssl.PEMParser;

/** One {@code -----BEGIN label----- … -----END label-----} block found in the input, whole or damaged. */
sealed interface PemBlock {

    /** The label of the BEGIN line ({@code CERTIFICATE}, {@code PRIVATE KEY}, …). */
    String label();

    /** Where the block starts, for messages: {@code line 12} or {@code line 12 of "chain"}. */
    String location();

    /** A block whose base64 decoded to well-framed DER. The bytes may be a private key: never shown. */
    final class Decoded implements PemBlock {

        private final String label;
        private final String location;
        private final Map<String, String> headers;
        private final byte[] der;

        Decoded(String label, String location, Map<String, String> headers, byte[] der) {
            this.label = Objects.requireNonNull(label, "label");
            this.location = Objects.requireNonNull(location, "location");
            this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            this.der = der.clone();
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String location() {
            return location;
        }

        byte[] der() {
            return der.clone();
        }

        /**
         * The typed object BouncyCastle's PEMParser makes of this block (a certificate holder, a PKCS#8 key info, a key
         * pair of a traditional key, an encrypted key…). It reads a re-encoded canonical copy, since the framing of
         * the original (line endings, stray whitespace) has already been dealt with.
         *
         * @throws IOException when the content does not parse as what the label says
         */
        Object readObject() throws IOException {
            try (PEMParser parser = new PEMParser(new StringReader(Pem.encode(label, headers, der)))) {
                Object object = parser.readObject();
                if (object == null) {
                    throw new IOException("PEMParser returned nothing");
                }
                return object;
            }
        }

        @Override
        public String toString() {
            return "PemBlock.Decoded[" + label + " at " + location + ", " + der.length + " bytes, redacted]";
        }
    }

    /**
     * A block that could not be decoded.
     *
     * @param problem a complete sentence for the person fixing the bundle; never contains the block's content
     */
    record Damaged(String label, String location, String problem) implements PemBlock {
        public Damaged {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
