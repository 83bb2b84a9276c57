package io.certguard.bundle;

/**
 * Stable codes of bundle findings. Alarms, state records and tests refer to findings by these names, so a code is never
 * renamed or reused; a new situation gets a new code. Every code has one severity, except that the operator may lower
 * {@link #NOT_NEWER} to a warning for one upload.
 */
public enum FindingCode {

    // Reading the secret

    /** The secret starts like JSON but is not a valid bundle object. */
    JSON_MALFORMED(Severity.ERROR),
    /** A PEM block does not decode, or the secret is no PEM at all (DER, PKCS#12, bare base64, garbage). */
    PEM_MALFORMED(Severity.ERROR),
    /** A well-formed PEM block of a type a Twilio bundle does not carry (CSR, public key, PKCS#7…); left out. */
    UNSUPPORTED_BLOCK(Severity.WARNING),
    /** No certificate block at all. */
    NO_CERTIFICATE(Severity.ERROR),
    /** No private key block at all. */
    NO_PRIVATE_KEY(Severity.ERROR),
    /** More than one private key block. */
    MULTIPLE_PRIVATE_KEYS(Severity.ERROR),
    /** An encrypted key without a passphrase, or with one that does not decrypt it. */
    KEY_ENCRYPTED(Severity.ERROR),
    /** An encrypted key was decrypted with the secret's passphrase: Twilio takes the key unencrypted. */
    KEY_DECRYPTED(Severity.INFO),
    /** A PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) key was converted to PKCS#8. */
    KEY_CONVERTED_TO_PKCS8(Severity.INFO),

    // The set of certificates

    /** The same certificate appears twice; the copy is left out. */
    DUPLICATE_CERTIFICATE(Severity.INFO),
    /** More distinct certificates than certguard examines; chain building is bounded. */
    TOO_MANY_CERTIFICATES(Severity.ERROR),
    /** Several end-entity certificates and the private key does not say which one is the leaf. */
    MULTIPLE_LEAVES(Severity.ERROR),

    // The key

    /** The private key does not belong to the leaf certificate. */
    KEY_MISMATCH(Severity.ERROR),
    /** RSA under 2048 bits, or an EC curve other than P-256 and P-384. */
    KEY_WEAK(Severity.ERROR),
    /** A key algorithm other than RSA and ECDSA (Ed25519, DSA, RSASSA-PSS…). */
    KEY_UNSUPPORTED(Severity.ERROR),
    /** An ECDSA key: Twilio has not confirmed it accepts them; RSA is the safe choice. */
    EC_KEY(Severity.WARNING),

    // The leaf

    /** The leaf does not cover the domain's host (RFC 6125 §6.4). */
    HOSTNAME_MISMATCH(Severity.ERROR),
    /** The leaf names more than the host (other names, a wildcard); Twilio's documentation disagrees on SAN support. */
    MULTIPLE_NAMES(Severity.WARNING),
    /** The leaf has an extended key usage extension without serverAuth. */
    NOT_SERVER_AUTH(Severity.ERROR),
    /** The leaf is a CA certificate. */
    LEAF_IS_CA(Severity.ERROR),
    /** The leaf is self-signed, so no client opening a short link trusts it. */
    SELF_SIGNED_LEAF(Severity.ERROR),

    // Time

    /** A certificate of the chain is past its notAfter. */
    EXPIRED(Severity.ERROR),
    /** A certificate of the chain is before its notBefore. */
    NOT_YET_VALID(Severity.ERROR),
    /** The leaf expires within the first alarm threshold. */
    EXPIRES_SOON(Severity.WARNING),
    /** The leaf expires no later than the certificate Twilio serves now: never downgrade (overridable). */
    NOT_NEWER(Severity.ERROR),
    /** A CA certificate of the chain expires before the leaf. */
    INTERMEDIATE_EXPIRES_FIRST(Severity.WARNING),

    // The chain

    /** The certificates were not in leaf → intermediates → root order; the payload is reordered. */
    CHAIN_ORDER(Severity.INFO),
    /** No issuer in the bundle for a certificate of the chain. */
    CHAIN_INCOMPLETE(Severity.ERROR),
    /** The chain ends at a CA certificate without the self-signed root Twilio requires. */
    ROOT_MISSING(Severity.ERROR),
    /** A certificate's signature does not verify with its issuer's key. */
    CHAIN_SIGNATURE_INVALID(Severity.ERROR),
    /** An intermediate of the chain is not a CA certificate. */
    ISSUER_NOT_CA(Severity.ERROR),
    /** A certificate of the chain is signed with SHA-1 or MD5 (the root's self-signature excepted). */
    WEAK_SIGNATURE_ALGORITHM(Severity.ERROR),
    /** A certificate that is not part of the leaf's chain; left out of the payload. */
    UNRELATED_CERTIFICATE(Severity.WARNING);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    /** The severity a finding with this code has (unless the operator overrides {@link #NOT_NEWER}). */
    public Severity severity() {
        return severity;
    }
}
