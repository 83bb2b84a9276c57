package io.certguard.testpki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A root and an intermediate CA, generated at run time, that issue leaves: the shape of a real public chain (leaf →
 * intermediate → root) without any real CA. Roots are self-signed and valid for ten years around {@code now}.
 */
public final class TestPki {

    private final HeldCertificate root;
    private final HeldCertificate intermediate;

    private TestPki(HeldCertificate root, HeldCertificate intermediate) {
        this.root = root;
        this.intermediate = intermediate;
    }

    public static TestPki create(Instant now) {
        return create(now, KeyKind.RSA_2048);
    }

    public static TestPki create(Instant now, KeyKind caKeys) {
        HeldCertificate root = HeldCertificate.builder()
                .commonName("certguard Test Root")
                .key(caKeys)
                .certificateAuthority(1)
                .validity(now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)))
                .build();
        HeldCertificate intermediate = HeldCertificate.builder()
                .commonName("certguard Test Intermediate")
                .key(caKeys)
                .certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(1825)))
                .signedBy(root)
                .build();
        return new TestPki(root, intermediate);
    }

    public HeldCertificate root() {
        return root;
    }

    public HeldCertificate intermediate() {
        return intermediate;
    }

    /**
     * Another intermediate CA under this root with its own validity, e.g. one that expires before the leaves it signs
     * (the AddTrust/Sectigo 2020 shape: the leaf is fine, the chain is not). Its key is P-256, quick to generate.
     */
    public HeldCertificate issueIntermediate(String commonName, Instant notBefore, Instant notAfter) {
        return HeldCertificate.builder()
                .commonName(commonName)
                .key(KeyKind.EC_P256)
                .certificateAuthority(0)
                .validity(notBefore, notAfter)
                .signedBy(root)
                .build();
    }

    /**
     * This root's subject and key, certified by {@code otherRoot}: a cross-sign, as "ISRG Root X1" signed by "DST Root
     * CA X3". A client that trusts this root never uses it; one that trusts only {@code otherRoot} needs it.
     */
    public HeldCertificate crossSignRoot(HeldCertificate otherRoot, Instant notBefore, Instant notAfter) {
        return HeldCertificate.builder()
                .subjectAndKeyOf(root)
                .certificateAuthority(1)
                .validity(notBefore, notAfter)
                .signedBy(otherRoot)
                .build();
    }

    /** A builder for a leaf signed by the intermediate, named {@code host} (CN and DNS SAN). */
    public HeldCertificateBuilder leaf(String host) {
        return HeldCertificate.builder().commonName(host).dnsName(host).signedBy(intermediate);
    }

    /** A leaf for {@code host} valid from an hour before {@code now} until {@code notAfter}. */
    public HeldCertificate leaf(String host, Instant now, Instant notAfter) {
        return leaf(host).validity(now.minus(Duration.ofHours(1)), notAfter).build();
    }

    /** The full chain as PEM, leaf first: leaf, intermediate, root. */
    public String chainPem(HeldCertificate leaf) {
        return String.join("", List.of(leaf.certificatePem(), intermediate.certificatePem(), root.certificatePem()));
    }

    /**
     * A PKCS#12 file (as Windows and Java key stores export them) with the leaf, its chain and key, protected by
     * {@code passphrase}: what customers sometimes store instead of PEM.
     */
    public byte[] pkcs12(HeldCertificate leaf, String passphrase) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("leaf", leaf.privateKey(), passphrase.toCharArray(), new Certificate[] {
                    leaf.certificate(), intermediate.certificate(), root.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, passphrase.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKCS12 key store refused a test key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Twilio's {@code TlsCert} wants: the full chain followed by the PKCS#8 key. */
    public String tlsCertPem(HeldCertificate leaf) {
        return chainPem(leaf) + leaf.privateKeyPkcs8Pem();
    }
}
