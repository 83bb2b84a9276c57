package io.certguard.bundle;

import io.certguard.domain.DomainSid;
import io.certguard.secret.SecretVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate bundle as read from a secret, before validation. Two formats are accepted:
 * <ul>
 * <li>a JSON object with {@code certificate} (the leaf, may carry the chain too), {@code chain} or
 * {@code certificateChain} (intermediates and root), {@code privateKey}, and optionally {@code privateKeyPassphrase}
 * and {@code domainSid}; names are matched ignoring case, so ACM's export ({@code Certificate},
 * {@code CertificateChain}, {@code PrivateKey}) can be stored as it comes;</li>
 * <li>one PEM bundle, as text or bytes, with the certificates and the key in any order.</li>
 * </ul>
 * Reading never throws on bad content: every problem becomes a {@link Finding} (PEM_MALFORMED, NO_PRIVATE_KEY…), so a
 * {@link BundleValidator} report lists all of them at once. An encrypted key is decrypted while reading and the
 * passphrase is not kept. Holds a private key, so {@link #toString()} shows counts only.
 */
public final class BundleInput {

    private final List<ParsedCertificate> certificates;
    private final int unreadCertificates;
    private final Optional<PrivateKeyMaterial> privateKey;
    private final Optional<DomainSid> domainSid;
    private final List<Finding> findings;

    BundleInput(List<ParsedCertificate> certificates, int unreadCertificates, Optional<PrivateKeyMaterial> privateKey,
                Optional<DomainSid> domainSid, List<Finding> findings) {
        this.certificates = List.copyOf(certificates);
        this.unreadCertificates = unreadCertificates;
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.domainSid = Objects.requireNonNull(domainSid, "domainSid");
        this.findings = List.copyOf(findings);
    }

    /** Reads a SecretString: JSON when it starts with <code>{</code>, otherwise a PEM bundle. */
    public static BundleInput fromText(String secretString) {
        return BundleReader.readText(Objects.requireNonNull(secretString, "secretString"));
    }

    /**
     * Reads a SecretBinary: text (UTF-8, or UTF-16 with a byte order mark) is read as {@link #fromText}; DER, PKCS#12
     * and other binary content is reported as PEM_MALFORMED with the OpenSSL command that converts it.
     */
    public static BundleInput fromBytes(byte[] secretBinary) {
        return BundleReader.readBytes(Objects.requireNonNull(secretBinary, "secretBinary").clone());
    }

    /** Reads a secret version's SecretString, or its SecretBinary when it has no string. */
    public static BundleInput fromSecret(SecretVersion version) {
        return version.text().map(BundleInput::fromText)
                .orElseGet(() -> fromBytes(version.binary().orElseThrow()));
    }

    /** What reading found: malformed blocks, missing pieces, key conversions. */
    public List<Finding> findings() {
        return findings;
    }

    /** The domain named by the JSON secret's {@code domainSid}, when it has a valid one. */
    public Optional<DomainSid> domainSid() {
        return domainSid;
    }

    List<ParsedCertificate> certificates() {
        return certificates;
    }

    /** Certificate blocks that could not be read (each has a PEM_MALFORMED finding). */
    int unreadCertificates() {
        return unreadCertificates;
    }

    Optional<PrivateKeyMaterial> privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "BundleInput[" + certificates.size() + " certificates, "
                + privateKey.map(k -> k.key().getAlgorithm() + " private key").orElse("no private key") + ", "
                + findings.size() + " findings]";
    }
}
