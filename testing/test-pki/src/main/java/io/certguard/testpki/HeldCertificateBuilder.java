package io.certguard.testpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds {@link HeldCertificate}s with safe defaults (RSA 2048, valid from an hour ago for 90 days, serverAuth for
 * leaves) and every knob a negative test needs. The issuer name is always the signer's <em>subject</em>, so chains of
 * any depth link correctly.
 */
public final class HeldCertificateBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String commonName;
    private X500Name subject;
    private final List<String> dnsNames = new ArrayList<>();
    private final List<String> ipAddresses = new ArrayList<>();
    private KeyKind keyKind = KeyKind.RSA_2048;
    private KeyPair keyPair;
    private Instant notBefore;
    private Instant notAfter;
    private HeldCertificate issuer;
    private int maxPathLength = -1; // -1: not a CA
    private Optional<List<KeyPurposeId>> extendedKeyUsage = Optional.empty();
    private boolean leafDefaultsToServerAuth = true;
    private String signatureAlgorithm;

    HeldCertificateBuilder() {
    }

    public HeldCertificateBuilder commonName(String value) {
        this.commonName = value;
        return this;
    }

    /**
     * Gives this certificate the subject name and key pair of {@code other}: a cross-sign (the same CA under another
     * issuer) or a re-issued CA certificate. Overrides {@link #commonName} and {@link #key}.
     */
    public HeldCertificateBuilder subjectAndKeyOf(HeldCertificate other) {
        this.subject = X500Name.getInstance(other.certificate().getSubjectX500Principal().getEncoded());
        this.keyPair = other.keyPair();
        return this;
    }

    /** Adds a DNS subject alternative name (may be a wildcard such as {@code *.example.com}). */
    public HeldCertificateBuilder dnsName(String value) {
        this.dnsNames.add(value);
        return this;
    }

    public HeldCertificateBuilder ipAddress(String value) {
        this.ipAddresses.add(value);
        return this;
    }

    public HeldCertificateBuilder key(KeyKind kind) {
        this.keyKind = kind;
        return this;
    }

    /** Reuses a key pair (for example to build a second certificate for the same key). */
    public HeldCertificateBuilder keyPair(KeyPair pair) {
        this.keyPair = pair;
        return this;
    }

    public HeldCertificateBuilder validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    /** Valid from one hour before {@code now} until {@code now + lifetime}. */
    public HeldCertificateBuilder validFor(Instant now, Duration lifetime) {
        return validity(now.minus(Duration.ofHours(1)), now.plus(lifetime));
    }

    public HeldCertificateBuilder signedBy(HeldCertificate signer) {
        this.issuer = signer;
        return this;
    }

    /** Makes this a CA certificate with the given path length constraint (0: may sign only leaves). */
    public HeldCertificateBuilder certificateAuthority(int pathLength) {
        this.maxPathLength = pathLength;
        return this;
    }

    /** Sets the extended key usages; an empty call means no EKU extension at all. */
    public HeldCertificateBuilder extendedKeyUsage(KeyPurposeId... purposes) {
        this.extendedKeyUsage = Optional.of(List.of(purposes));
        this.leafDefaultsToServerAuth = false;
        return this;
    }

    /** Omits the EKU extension (which RFC 5280 reads as "any purpose"). */
    public HeldCertificateBuilder noExtendedKeyUsage() {
        this.extendedKeyUsage = Optional.empty();
        this.leafDefaultsToServerAuth = false;
        return this;
    }

    /**
     * Signs with this JCA algorithm (for example {@code SHA1withRSA} or {@code MD5withRSA}, which validation must
     * refuse) instead of SHA-256 with the signer's key type.
     */
    public HeldCertificateBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = jcaName;
        return this;
    }

    public HeldCertificate build() {
        try {
            KeyPair pair = keyPair != null ? keyPair : generate(keyKind);
            Instant from = notBefore != null ? notBefore : Instant.now().minus(Duration.ofHours(1));
            Instant until = notAfter != null ? notAfter : from.plus(Duration.ofDays(90));
            X500Name subject = this.subject != null ? this.subject
                    : name(commonName != null ? commonName
                            : dnsNames.isEmpty() ? "certguard test " + BigInteger.valueOf(RANDOM.nextLong()).abs()
                            : dnsNames.get(0));
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            KeyPair signingKeys = issuer == null ? pair : issuer.keyPair();

            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(from), Date.from(until), subject,
                    pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(signingKeys.getPublic()));
            if (maxPathLength >= 0) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(maxPathLength));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                        | (pair.getPublic().getAlgorithm().equals("RSA") ? KeyUsage.keyEncipherment : 0)));
                List<KeyPurposeId> purposes = leafDefaultsToServerAuth ? List.of(KeyPurposeId.id_kp_serverAuth)
                        : extendedKeyUsage.orElse(List.of());
                if (!purposes.isEmpty()) {
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
                }
            }
            if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
                ipAddresses.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            String signature = signatureAlgorithm != null ? signatureAlgorithm
                    : issuer == null ? keyKind.signatureAlgorithm() : signatureAlgorithmFor(issuer.keyPair());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(signingKeys.getPrivate())));
            return new HeldCertificate(certificate, pair);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot build test certificate: " + e.getMessage(), e);
        }
    }

    static KeyPair generate(KeyKind kind) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.algorithm());
        if (kind == KeyKind.ED25519) {
            return generator.generateKeyPair();
        }
        if (kind.curve() != null) {
            generator.initialize(new ECGenParameterSpec(kind.curve()), RANDOM);
        } else {
            generator.initialize(kind.bits(), RANDOM);
        }
        return generator.generateKeyPair();
    }

    private static String signatureAlgorithmFor(KeyPair signer) {
        return switch (signer.getPublic().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }
}
