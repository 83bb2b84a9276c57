package io.certguard.testpki;

/** Key types a test certificate can have, including weak ones that validation must refuse. */
public enum KeyKind {
    /** RSA 2048: what Twilio's customers should upload. */
    RSA_2048("RSA", 2048, null),
    /** RSA 3072. */
    RSA_3072("RSA", 3072, null),
    /** RSA 1024: too weak (NIST SP 800-131A); for negative tests. */
    RSA_1024("RSA", 1024, null),
    /** ECDSA on P-256 (secp256r1). */
    EC_P256("EC", 0, "secp256r1"),
    /** ECDSA on P-384 (secp384r1). */
    EC_P384("EC", 0, "secp384r1"),
    /** ECDSA on P-521: a curve browsers' CA/B Forum rules do not allow for TLS certificates; for negative tests. */
    EC_P521("EC", 0, "secp521r1"),
    /** Ed25519: valid X.509 but not a TLS server key type Twilio documents; for negative tests. */
    ED25519("Ed25519", 0, null);

    private final String algorithm;
    private final int bits;
    private final String curve;

    KeyKind(String algorithm, int bits, String curve) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
    }

    public String algorithm() {
        return algorithm;
    }

    int bits() {
        return bits;
    }

    String curve() {
        return curve;
    }

    String signatureAlgorithm() {
        return switch (this) {
            case RSA_2048, RSA_3072, RSA_1024 -> "SHA256withRSA";
            case EC_P384 -> "SHA384withECDSA";
            case EC_P256, EC_P521 -> "SHA256withECDSA";
            case ED25519 -> "Ed25519";
        };
    }
}
