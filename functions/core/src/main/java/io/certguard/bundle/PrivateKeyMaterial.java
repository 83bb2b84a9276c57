package io.certguard.bundle;

import java.security.PrivateKey;
import java.util.Objects;

/** The bundle's private key, decrypted, with its PKCS#8 encoding for the payload. Never printed. */
final class PrivateKeyMaterial {

    private final PrivateKey key;
    private final byte[] pkcs8;
    private final String location;

    PrivateKeyMaterial(PrivateKey key, byte[] pkcs8, String location) {
        this.key = Objects.requireNonNull(key, "key");
        this.pkcs8 = pkcs8.clone();
        this.location = Objects.requireNonNull(location, "location");
    }

    PrivateKey key() {
        return key;
    }

    /** The DER of a PKCS#8 PrivateKeyInfo (RFC 5208 §5), what Twilio's {@code BEGIN PRIVATE KEY} block holds. */
    byte[] pkcs8() {
        return pkcs8.clone();
    }

    String location() {
        return location;
    }

    @Override
    public String toString() {
        return "PrivateKeyMaterial[" + key.getAlgorithm() + " at " + location + ", redacted]";
    }
}
