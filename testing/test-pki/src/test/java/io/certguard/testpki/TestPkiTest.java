package io.certguard.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;

class TestPkiTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void chainValidatesWithThePkixValidator_leafToIntermediateToRoot() throws Exception {
        TestPki pki = TestPki.create(NOW);
        HeldCertificate leaf = pki.leaf("links.example.com", NOW, NOW.plus(Duration.ofDays(10)));

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pki.root().certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW));
        CertPathValidator.getInstance("PKIX").validate(
                factory.generateCertPath(List.of(leaf.certificate(), pki.intermediate().certificate())), parameters);

        assertThat(leaf.certificate().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(10)));
        assertThat(leaf.certificate().getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList()).containsExactly((Object) "links.example.com");
        assertThat(leaf.certificate().getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId());
        assertThat(leaf.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(pki.intermediate().certificate().getBasicConstraints()).isEqualTo(0);
    }

    @Test
    void pemEncodingsParseBackAndNameTheirFormats() throws Exception {
        TestPki pki = TestPki.create(NOW);
        HeldCertificate leaf = pki.leaf("links.example.com", NOW, NOW.plus(Duration.ofDays(30)));
        String bundle = pki.tlsCertPem(leaf);

        List<X509Certificate> parsed = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pki.chainPem(leaf).getBytes(StandardCharsets.US_ASCII)))
                .stream().map(X509Certificate.class::cast).toList();
        assertThat(parsed).containsExactly(leaf.certificate(), pki.intermediate().certificate(), pki.root().certificate());
        assertThat(bundle).startsWith(pki.chainPem(leaf)).endsWith(leaf.privateKeyPkcs8Pem());
        assertThat(leaf.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(leaf.privateKeyTraditionalPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(leaf.privateKeyEncryptedPem("s3cret".toCharArray())).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    }

    @Test
    void ecLeavesAndCustomUsagesAreBuiltAsAsked() throws Exception {
        TestPki pki = TestPki.create(NOW);
        HeldCertificate ec = pki.leaf("ec.example.com").key(KeyKind.EC_P256)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).validFor(NOW, Duration.ofDays(5)).build();

        assertThat(ec.certificate().getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(ec.privateKeyTraditionalPem()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        KeyPair sec1 = new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) new PEMParser(
                new StringReader(ec.privateKeyTraditionalPem())).readObject());
        assertThat(((ECPrivateKey) sec1.getPrivate()).getS())
                .as("SEC1 with curve and public key, as OpenSSL writes it, converts back to the key")
                .isEqualTo(((ECPrivateKey) ec.privateKey()).getS());
        assertThat(sec1.getPublic()).isEqualTo(ec.keyPair().getPublic());
        assertThat(ec.certificate().getIssuerX500Principal()).isEqualTo(pki.intermediate().certificate().getSubjectX500Principal());
    }

    @Test
    void crossSignedRootCarriesTheRootsSubjectAndKeyUnderAnotherIssuer() throws Exception {
        TestPki pki = TestPki.create(NOW);
        HeldCertificate legacyRoot = HeldCertificate.builder().commonName("certguard Legacy Root").key(KeyKind.EC_P256)
                .certificateAuthority(2).validFor(NOW, Duration.ofDays(3650)).build();
        HeldCertificate crossSign = pki.crossSignRoot(legacyRoot, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(5)));
        HeldCertificate leaf = pki.leaf("links.example.com", NOW, NOW.plus(Duration.ofDays(10)));

        // Trusting only the legacy root, the path runs leaf → intermediate → cross-sign → legacy root.
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(legacyRoot.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(
                List.of(leaf.certificate(), pki.intermediate().certificate(), crossSign.certificate())), parameters);

        assertThat(crossSign.certificate().getSubjectX500Principal()).isEqualTo(pki.root().certificate().getSubjectX500Principal());
        assertThat(crossSign.certificate().getPublicKey()).isEqualTo(pki.root().certificate().getPublicKey());
        assertThat(crossSign.certificate().getIssuerX500Principal()).isEqualTo(legacyRoot.certificate().getSubjectX500Principal());
        assertThat(crossSign.certificate().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)));
    }

    @Test
    void extraIntermediateHasItsOwnValidityAndSignsLeaves() throws Exception {
        TestPki pki = TestPki.create(NOW);
        HeldCertificate shortLived = pki.issueIntermediate("certguard Short Intermediate", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(3)));
        HeldCertificate leaf = HeldCertificate.builder().dnsName("links.example.com").signedBy(shortLived)
                .validFor(NOW, Duration.ofDays(30)).build();

        leaf.certificate().verify(shortLived.certificate().getPublicKey());
        shortLived.certificate().verify(pki.root().certificate().getPublicKey());
        assertThat(shortLived.certificate().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(shortLived.certificate().getBasicConstraints()).isEqualTo(0);
    }

    @Test
    void signatureAlgorithmCanBeForcedAndEd25519LeavesAreBuilt() {
        TestPki pki = TestPki.create(NOW);
        HeldCertificate sha1 = pki.leaf("sha1.example.com").signatureAlgorithm("SHA1withRSA")
                .validFor(NOW, Duration.ofDays(5)).build();
        HeldCertificate ed = pki.leaf("ed.example.com").key(KeyKind.ED25519).validFor(NOW, Duration.ofDays(5)).build();

        assertThat(sha1.certificate().getSigAlgName()).isEqualTo("SHA1withRSA");
        assertThat(ed.certificate().getPublicKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(ed.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----");
        org.assertj.core.api.Assertions.assertThatThrownBy(ed::privateKeyTraditionalPem)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void traditionalKeysEncryptTheLegacyOpenSslWay() {
        HeldCertificate leaf = TestPki.create(NOW).leaf("links.example.com", NOW, NOW.plus(Duration.ofDays(30)));

        assertThat(leaf.privateKeyTraditionalEncryptedPem("s3cret".toCharArray()))
                .startsWith("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,");
    }
}
