package io.certguard.bundle;

import static io.certguard.bundle.BundleCase.Expect.expect;
import static io.certguard.bundle.BundleCase.Secret.bytes;
import static io.certguard.bundle.BundleCase.Secret.text;
import static io.certguard.bundle.Bundles.CONTEXT;
import static io.certguard.bundle.Bundles.EC_LEAF;
import static io.certguard.bundle.Bundles.HOST;
import static io.certguard.bundle.Bundles.INTERMEDIATE_NAME;
import static io.certguard.bundle.Bundles.LEAF;
import static io.certguard.bundle.Bundles.LEAF_KEYS;
import static io.certguard.bundle.Bundles.LEAF_NAME;
import static io.certguard.bundle.Bundles.NOW;
import static io.certguard.bundle.Bundles.OTHER_LEAF;
import static io.certguard.bundle.Bundles.PASSPHRASE;
import static io.certguard.bundle.Bundles.PKI;
import static io.certguard.bundle.Bundles.ROOT_NAME;
import static io.certguard.bundle.Bundles.THRESHOLD;
import static io.certguard.bundle.Bundles.WRONG_PASSPHRASE;
import static io.certguard.bundle.Bundles.bundle;
import static io.certguard.bundle.Bundles.certs;
import static io.certguard.bundle.Bundles.chain;
import static io.certguard.bundle.Bundles.der;
import static io.certguard.bundle.Bundles.intermediateAndRoot;
import static io.certguard.bundle.Bundles.json;
import static io.certguard.bundle.Bundles.leaf;
import static io.certguard.bundle.Bundles.withCorruptSignature;
import static io.certguard.bundle.FindingCode.CHAIN_INCOMPLETE;
import static io.certguard.bundle.FindingCode.CHAIN_ORDER;
import static io.certguard.bundle.FindingCode.CHAIN_SIGNATURE_INVALID;
import static io.certguard.bundle.FindingCode.DUPLICATE_CERTIFICATE;
import static io.certguard.bundle.FindingCode.EC_KEY;
import static io.certguard.bundle.FindingCode.EXPIRED;
import static io.certguard.bundle.FindingCode.EXPIRES_SOON;
import static io.certguard.bundle.FindingCode.HOSTNAME_MISMATCH;
import static io.certguard.bundle.FindingCode.INTERMEDIATE_EXPIRES_FIRST;
import static io.certguard.bundle.FindingCode.ISSUER_NOT_CA;
import static io.certguard.bundle.FindingCode.KEY_CONVERTED_TO_PKCS8;
import static io.certguard.bundle.FindingCode.KEY_DECRYPTED;
import static io.certguard.bundle.FindingCode.JSON_MALFORMED;
import static io.certguard.bundle.FindingCode.KEY_ENCRYPTED;
import static io.certguard.bundle.FindingCode.KEY_MISMATCH;
import static io.certguard.bundle.FindingCode.KEY_UNSUPPORTED;
import static io.certguard.bundle.FindingCode.KEY_WEAK;
import static io.certguard.bundle.FindingCode.LEAF_IS_CA;
import static io.certguard.bundle.FindingCode.MULTIPLE_LEAVES;
import static io.certguard.bundle.FindingCode.MULTIPLE_NAMES;
import static io.certguard.bundle.FindingCode.NOT_NEWER;
import static io.certguard.bundle.FindingCode.NOT_SERVER_AUTH;
import static io.certguard.bundle.FindingCode.NOT_YET_VALID;
import static io.certguard.bundle.FindingCode.NO_PRIVATE_KEY;
import static io.certguard.bundle.FindingCode.PEM_MALFORMED;
import static io.certguard.bundle.FindingCode.ROOT_MISSING;
import static io.certguard.bundle.FindingCode.SELF_SIGNED_LEAF;
import static io.certguard.bundle.FindingCode.TOO_MANY_CERTIFICATES;
import static io.certguard.bundle.FindingCode.UNRELATED_CERTIFICATE;
import static io.certguard.bundle.FindingCode.WEAK_SIGNATURE_ALGORITHM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import io.certguard.twilio.TlsCertPayload;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Validation: every finding code, exact messages, and the normalized payload. */
class BundleValidatorTest {

    private static final String KEY = LEAF.privateKeyPkcs8Pem();
    private static final Instant LEAF_EXPIRY = LEAF.certificate().getNotAfter().toInstant();
    private static final String LEAF_0 = "certificate 0 (" + LEAF_NAME + ")";
    private static final String INTERMEDIATE_1 = "certificate 1 (" + INTERMEDIATE_NAME + ")";

    /** A root with an EC key (cheap to generate) that cross-signs the test intermediate's key. */
    private static final HeldCertificate CROSS_ROOT = HeldCertificate.builder().commonName("certguard Cross Root")
            .key(KeyKind.EC_P256).certificateAuthority(1).validFor(NOW, Duration.ofDays(3650)).build();
    private static final HeldCertificate CROSS_INTERMEDIATE = intermediate().signedBy(CROSS_ROOT).build();

    static List<BundleCase> rows() {
        List<BundleCase> rows = new ArrayList<>();

        // Complete and uploadable, from every input shape
        rows.add(BundleCase.of("RSA chain, leaf first", text(bundle(LEAF))));
        rows.add(BundleCase.of("reversed chain", text(certs(PKI.root(), PKI.intermediate(), LEAF) + KEY),
                expect(CHAIN_ORDER, "the certificates were not in chain order; the payload lists them leaf first, then"
                        + " intermediates, then the root, as Twilio asks: certificates 2, 1, 0")));
        rows.add(BundleCase.of("key first, then intermediate, root, leaf", text(KEY + certs(PKI.intermediate(),
                PKI.root(), LEAF)), expect(CHAIN_ORDER)));
        rows.add(BundleCase.of("JSON with ACM's names and an encrypted key", text(json("Certificate",
                        LEAF.certificatePem(), "CertificateChain", intermediateAndRoot(), "PrivateKey",
                        LEAF.privateKeyEncryptedPem(PASSPHRASE.toCharArray()), "PrivateKeyPassphrase", PASSPHRASE)),
                expect(KEY_DECRYPTED)));
        rows.add(BundleCase.of("PKCS#1 key", text(chain(LEAF) + LEAF.privateKeyTraditionalPem()),
                expect(KEY_CONVERTED_TO_PKCS8)));
        TestPki ecCas = TestPki.create(NOW, KeyKind.EC_P256);
        HeldCertificate underEcCas = ecCas.leaf(HOST).keyPair(LEAF_KEYS).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("CAs with EC keys, RSA leaf", text(ecCas.tlsCertPem(underEcCas))));

        // The key
        rows.add(BundleCase.of("EC P-256 leaf", text(chain(EC_LEAF) + EC_LEAF.privateKeyPkcs8Pem()),
                expect(EC_KEY, 0, "the leaf has an ECDSA key (P-256); Twilio has not confirmed that it accepts ECDSA"
                        + " certificates, and users report them rejected: an RSA key of 2048 bits is the safe choice")));
        rows.add(BundleCase.of("EC P-256 leaf with a SEC1 key", text(chain(EC_LEAF) + EC_LEAF.privateKeyTraditionalPem()),
                expect(EC_KEY), expect(KEY_CONVERTED_TO_PKCS8)));
        HeldCertificate p384 = PKI.leaf(HOST).key(KeyKind.EC_P384).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("EC P-384 leaf", text(chain(p384) + p384.privateKeyPkcs8Pem()),
                expect(EC_KEY, 0, "the leaf has an ECDSA key (P-384); Twilio has not confirmed that it accepts ECDSA"
                        + " certificates, and users report them rejected: an RSA key of 2048 bits is the safe choice")));
        HeldCertificate p521 = PKI.leaf(HOST).key(KeyKind.EC_P521).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("EC P-521 leaf", text(chain(p521) + p521.privateKeyPkcs8Pem()),
                expect(KEY_WEAK, 0, "the leaf's EC key is on P-521; clients accept only P-256 and P-384"
                        + " (CA/Browser Forum Baseline Requirements §6.1.5): issue a new certificate with an RSA key of"
                        + " 2048 bits or more"),
                expect(EC_KEY)));
        HeldCertificate rsa1024 = PKI.leaf(HOST).key(KeyKind.RSA_1024).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("RSA 1024 leaf", text(chain(rsa1024) + rsa1024.privateKeyPkcs8Pem()),
                expect(KEY_WEAK, 0, "the leaf's RSA key has 1024 bits; clients need at least 2048 (NIST SP 800-131A):"
                        + " issue a new certificate with an RSA key of 2048 bits or more")));
        HeldCertificate ed25519 = PKI.leaf(HOST).key(KeyKind.ED25519).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("Ed25519 leaf", text(chain(ed25519) + ed25519.privateKeyPkcs8Pem()),
                expect(KEY_UNSUPPORTED, 0, "the leaf's key is Ed25519; Twilio takes RSA keys: issue a new certificate"
                        + " with an RSA key of 2048 bits or more")));
        rows.add(BundleCase.of("key of another certificate", text(chain(LEAF) + OTHER_LEAF.privateKeyPkcs8Pem()),
                expect(KEY_MISMATCH, "the private key does not belong to " + LEAF_0 + "; upload the key that was"
                        + " generated with this certificate's signing request")));

        // Names (RFC 6125)
        HeldCertificate other = PKI.leaf("other.example.com").keyPair(LEAF_KEYS).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("leaf for another host", text(chain(other) + KEY),
                expect(HOSTNAME_MISMATCH, 0, "certificate 0 (CN=other.example.com) is for other.example.com, not"
                        + " links.example.com; Twilio needs a certificate issued for links.example.com (RFC 6125: a"
                        + " wildcard stands for exactly one left-most label)")));
        HeldCertificate wildcard = HeldCertificate.builder().commonName("*.example.com").dnsName("*.example.com")
                .signedBy(PKI.intermediate()).keyPair(LEAF_KEYS).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("wildcard covering the host", text(chain(wildcard) + KEY),
                expect(MULTIPLE_NAMES, 0, "certificate 0 (CN=*.example.com) names more than links.example.com"
                        + " (*.example.com); Twilio's documentation disagrees on whether certificates with several"
                        + " names or wildcards are accepted, so one issued for exactly links.example.com is the safe"
                        + " choice")));
        rows.add(BundleCase.of("wildcard one label short of the host", text(chain(wildcard) + KEY),
                ValidationContext.of("a.links.example.com", NOW, THRESHOLD),
                expect(HOSTNAME_MISMATCH, 0, "certificate 0 (CN=*.example.com) is for *.example.com, not"
                        + " a.links.example.com; Twilio needs a certificate issued for a.links.example.com (RFC 6125: a"
                        + " wildcard stands for exactly one left-most label)")));
        HeldCertificate cnOnly = HeldCertificate.builder().commonName(HOST).signedBy(PKI.intermediate())
                .keyPair(LEAF_KEYS).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("common name only, no subject alternative name", text(chain(cnOnly) + KEY)));
        HeldCertificate sanElsewhere = HeldCertificate.builder().commonName(HOST).dnsName("other.example.com")
                .signedBy(PKI.intermediate()).keyPair(LEAF_KEYS).validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("SAN for another host, common name for the host", text(chain(sanElsewhere) + KEY),
                expect(HOSTNAME_MISMATCH, 0, LEAF_0 + " is for other.example.com, not links.example.com; its common"
                        + " name does not count, as it has DNS subject alternative names (RFC 6125 §6.4.4); Twilio"
                        + " needs a certificate issued for links.example.com (RFC 6125: a wildcard stands for exactly"
                        + " one left-most label)")));
        HeldCertificate twoNames = leaf().dnsName("www.example.com").build();
        rows.add(BundleCase.of("two names", text(chain(twoNames) + KEY),
                expect(MULTIPLE_NAMES, 0, LEAF_0 + " names more than links.example.com (links.example.com and"
                        + " www.example.com); Twilio's documentation disagrees on whether certificates with several"
                        + " names or wildcards are accepted, so one issued for exactly links.example.com is the safe"
                        + " choice")));
        rows.add(BundleCase.of("host in capitals with a trailing dot", text(bundle(LEAF)),
                ValidationContext.of("LINKS.Example.COM.", NOW, THRESHOLD)));

        // The leaf's purpose
        HeldCertificate clientOnly = leaf().extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).build();
        rows.add(BundleCase.of("extended key usage clientAuth only", text(chain(clientOnly) + KEY),
                expect(NOT_SERVER_AUTH, 0, LEAF_0 + " is restricted to clientAuth by its extended key usage, which"
                        + " leaves out TLS servers (serverAuth, RFC 5280 §4.2.1.12); issue it for TLS web server"
                        + " authentication")));
        rows.add(BundleCase.of("no extended key usage", text(chain(leaf().noExtendedKeyUsage().build()) + KEY)));
        rows.add(BundleCase.of("leaf is a CA", text(chain(leaf().certificateAuthority(0).build()) + KEY),
                expect(LEAF_IS_CA, 0, LEAF_0 + " is a CA certificate (basic constraints cA=true), not a server"
                        + " certificate; upload the certificate issued for links.example.com")));
        HeldCertificate selfSigned = HeldCertificate.builder().commonName(HOST).dnsName(HOST).keyPair(LEAF_KEYS)
                .validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("self-signed leaf", text(selfSigned.certificatePem() + KEY),
                expect(SELF_SIGNED_LEAF, 0, LEAF_0 + " is self-signed; the phones and browsers opening short links"
                        + " trust only certificates from a public CA: get one from a CA, or let Twilio manage the"
                        + " certificate")));

        // Time, at the boundaries (RFC 5280 §4.1.2.5: valid through notAfter inclusive)
        rows.add(BundleCase.of("leaf expired one second ago", text(chain(leafValid(NOW.minus(Duration.ofDays(30)),
                        NOW.minusSeconds(1))) + KEY),
                expect(EXPIRED, 0, LEAF_0 + " expired at 2026-11-27T09:59:59Z; renew it")));
        rows.add(BundleCase.of("leaf expiring at this very second", text(chain(leafValid(NOW.minus(Duration.ofDays(30)),
                        NOW)) + KEY),
                expect(EXPIRES_SOON, 0, LEAF_0 + " expires at 2026-11-27T10:00:00Z, within the first alarm threshold"
                        + " (14 days); certguard will alarm about it soon after the upload: renew it")));
        rows.add(BundleCase.of("leaf expiring exactly at the first alarm threshold", text(chain(leafValid(
                        NOW.minus(Duration.ofDays(30)), NOW.plus(THRESHOLD))) + KEY),
                expect(EXPIRES_SOON, 0, LEAF_0 + " expires at 2026-12-11T10:00:00Z, within the first alarm threshold"
                        + " (14 days); certguard will alarm about it soon after the upload: renew it")));
        rows.add(BundleCase.of("leaf expiring one second after the first alarm threshold", text(chain(leafValid(
                NOW.minus(Duration.ofDays(30)), NOW.plus(THRESHOLD).plusSeconds(1))) + KEY)));
        rows.add(BundleCase.of("leaf valid from one second from now", text(chain(leafValid(NOW.plusSeconds(1),
                        NOW.plus(Duration.ofDays(90)))) + KEY),
                expect(NOT_YET_VALID, 0, LEAF_0 + " is not valid before 2026-11-27T10:00:01Z; upload it after that")));
        rows.add(BundleCase.of("leaf valid from this very second", text(chain(leafValid(NOW,
                NOW.plus(Duration.ofDays(90)))) + KEY)));
        HeldCertificate expiredIntermediate = intermediate()
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minusSeconds(1)).signedBy(PKI.root()).build();
        rows.add(BundleCase.of("intermediate expired one second ago", text(certs(leaf().signedBy(expiredIntermediate)
                        .build(), expiredIntermediate, PKI.root()) + KEY),
                expect(EXPIRED, 1, INTERMEDIATE_1 + " expired at 2026-11-27T09:59:59Z; get the CA's current"
                        + " certificates for the chain")));
        HeldCertificate shortIntermediate = intermediate()
                .validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30))).signedBy(PKI.root()).build();
        rows.add(BundleCase.of("intermediate expiring before the leaf", text(certs(leaf().signedBy(shortIntermediate)
                        .build(), shortIntermediate, PKI.root()) + KEY),
                expect(INTERMEDIATE_EXPIRES_FIRST, 1, "CA " + INTERMEDIATE_1 + " expires at 2026-12-27T10:00:00Z,"
                        + " before the leaf (2027-02-25T10:00:00Z); the chain breaks then unless a bundle with the CA's"
                        + " newer certificates is uploaded before")));
        rows.add(BundleCase.of("leaf expiring when Twilio's current certificate does", text(bundle(LEAF)),
                CONTEXT.withCurrentTwilioExpiry(LEAF_EXPIRY),
                expect(NOT_NEWER, 0, LEAF_0 + " expires at 2027-02-25T10:00:00Z, no later than the certificate Twilio"
                        + " serves now (2027-02-25T10:00:00Z); certguard does not replace a certificate with one that"
                        + " expires sooner or at the same time (override on the command line to upload it anyway)")));
        rows.add(BundleCase.of("leaf expiring one second after Twilio's current certificate", text(bundle(LEAF)),
                CONTEXT.withCurrentTwilioExpiry(LEAF_EXPIRY.minusSeconds(1))));
        rows.add(BundleCase.of("not newer, with the operator's override", text(bundle(LEAF)),
                CONTEXT.withCurrentTwilioExpiry(LEAF_EXPIRY).allowingNotNewer(),
                expect(NOT_NEWER, 0, LEAF_0 + " expires at 2027-02-25T10:00:00Z, no later than the certificate Twilio"
                        + " serves now (2027-02-25T10:00:00Z); certguard does not replace a certificate with one that"
                        + " expires sooner or at the same time; uploading it anyway, as the override asks")
                        .withSeverity(Severity.WARNING)));

        // The chain
        rows.add(BundleCase.of("leaf alone", text(LEAF.certificatePem() + KEY),
                expect(CHAIN_INCOMPLETE, 0, "no issuer found for " + LEAF_0 + ": the certificate of its issuer, "
                        + INTERMEDIATE_NAME + ", is not in the bundle; add it, and any CA certificates between it and"
                        + " the root")));
        rows.add(BundleCase.of("leaf and root, intermediate missing", text(certs(LEAF, PKI.root()) + KEY),
                expect(CHAIN_INCOMPLETE, 0)));
        rows.add(BundleCase.of("leaf and intermediate, root missing", text(certs(LEAF, PKI.intermediate()) + KEY),
                expect(ROOT_MISSING, 1, "the chain ends at " + INTERMEDIATE_1 + " without a self-signed root; Twilio"
                        + " requires the full chain including the root CA certificate: append the certificate of "
                        + ROOT_NAME)));
        HeldCertificate otherGeneration = HeldCertificate.builder().commonName("certguard Test Intermediate")
                .key(KeyKind.EC_P256).certificateAuthority(0).validFor(NOW, Duration.ofDays(1000)).signedBy(PKI.root())
                .build();
        rows.add(BundleCase.of("intermediate of another CA generation", text(certs(LEAF, otherGeneration, PKI.root())
                        + KEY),
                expect(CHAIN_INCOMPLETE, 0, "no issuer found for " + LEAF_0 + ": " + INTERMEDIATE_1 + " has its"
                        + " issuer's name but a different key, so it is another generation of that CA; include the CA"
                        + " certificate that issued certificate 0")));
        rows.add(BundleCase.of("leaf signature corrupted", text(withCorruptSignature(LEAF) + intermediateAndRoot() + KEY),
                expect(CHAIN_SIGNATURE_INVALID, 0, "the signature of " + LEAF_0 + " does not verify with the key of "
                        + INTERMEDIATE_1 + ", its issuer by name and key identifier; one of them is corrupt or altered:"
                        + " download the chain again from the CA")));
        rows.add(BundleCase.of("root self-signature corrupted", text(certs(LEAF, PKI.intermediate())
                        + withCorruptSignature(PKI.root()) + KEY),
                expect(CHAIN_SIGNATURE_INVALID, 2, "the self-signature of certificate 2 (" + ROOT_NAME + ") does not"
                        + " verify; the certificate is corrupt: download it again from the CA")));
        rows.add(BundleCase.of("leaf signed with SHA-1", text(chain(leaf().signatureAlgorithm("SHA1withRSA").build())
                        + KEY),
                expect(WEAK_SIGNATURE_ALGORITHM, 0, LEAF_0 + " is signed with SHA1withRSA; clients reject SHA-1 and MD5"
                        + " signatures (CA/Browser Forum Baseline Requirements §7.1.3.2): get a certificate signed with"
                        + " SHA-256 or better")));
        rows.add(BundleCase.of("leaf signed with MD5", text(chain(leaf().signatureAlgorithm("MD5withRSA").build()) + KEY),
                expect(WEAK_SIGNATURE_ALGORITHM, 0)));
        HeldCertificate sha1Root = HeldCertificate.builder().commonName("certguard SHA-1 Root").keyPair(PKI.root().keyPair())
                .certificateAuthority(1).signatureAlgorithm("SHA1withRSA").validFor(NOW, Duration.ofDays(3650)).build();
        HeldCertificate underSha1Root = intermediate().signedBy(sha1Root).build();
        rows.add(BundleCase.of("root self-signed with SHA-1", text(certs(leaf().signedBy(underSha1Root).build(),
                underSha1Root, sha1Root) + KEY)));
        HeldCertificate notCa = PKI.leaf("signer.example.com").keyPair(OTHER_LEAF.keyPair())
                .validFor(NOW, Duration.ofDays(90)).build();
        rows.add(BundleCase.of("intermediate that is not a CA", text(certs(leaf().signedBy(notCa).build(), notCa)
                        + intermediateAndRoot() + KEY),
                expect(ISSUER_NOT_CA, 1, "certificate 1 (CN=signer.example.com) issued " + LEAF_0 + " but is not a CA"
                        + " certificate (no basic constraints cA=true); clients reject such a chain (RFC 5280 §6.1.4):"
                        + " include the CA's intermediate certificate instead")));
        rows.add(BundleCase.of("certificate of another PKI", text(bundle(LEAF) + CROSS_ROOT.certificatePem()),
                expect(UNRELATED_CERTIFICATE, 3, "certificate 3 (CN=certguard Cross Root) is not part of the chain of "
                        + LEAF_0 + "; it is left out of the payload")));
        rows.add(BundleCase.of("second leaf, the key picks the first", text(chain(LEAF) + OTHER_LEAF.certificatePem()
                        + KEY),
                expect(UNRELATED_CERTIFICATE, 3)));
        rows.add(BundleCase.of("cross-signed intermediate next to the original", text(certs(LEAF, PKI.intermediate(),
                        CROSS_INTERMEDIATE, PKI.root()) + KEY),
                expect(UNRELATED_CERTIFICATE, 2)));
        rows.add(BundleCase.of("cross-signed intermediate with its own root", text(certs(LEAF, PKI.intermediate(),
                        CROSS_INTERMEDIATE, CROSS_ROOT) + KEY),
                expect(UNRELATED_CERTIFICATE, 1)));
        rows.add(BundleCase.of("intermediate twice", text(certs(LEAF, PKI.intermediate(), PKI.intermediate(), PKI.root())
                        + KEY),
                expect(DUPLICATE_CERTIFICATE, 2, "certificate 2 is a copy of " + INTERMEDIATE_1 + "; the copy is left"
                        + " out")));
        rows.add(BundleCase.of("leaf five times", text(certs(LEAF, LEAF, PKI.intermediate(), LEAF, LEAF, PKI.root(), LEAF)
                        + KEY),
                expect(DUPLICATE_CERTIFICATE, 1, "certificates 1, 3, 4 and 6 are copies of " + LEAF_0 + "; the copies"
                        + " are left out")));
        rows.add(BundleCase.of("leaf block damaged", text(certs(PKI.root()) + LEAF.certificatePem().replace(
                        "-----END CERTIFICATE-----\n", "") + PKI.intermediate().certificatePem() + KEY),
                expect(PEM_MALFORMED, 1)));
        rows.add(BundleCase.of("intermediate block damaged", text(LEAF.certificatePem() + PKI.intermediate()
                        .certificatePem().replace("-----END CERTIFICATE-----\n", "") + PKI.root().certificatePem() + KEY),
                expect(PEM_MALFORMED, 1)));
        rows.add(BundleCase.of("two leaves and no key", text(chain(LEAF) + OTHER_LEAF.certificatePem()),
                expect(NO_PRIVATE_KEY),
                expect(MULTIPLE_LEAVES, "certificates 0 (" + LEAF_NAME + ") and 3 (" + LEAF_NAME + ") could each be the"
                        + " leaf (none issued another certificate of the bundle) and the private key does not pick one;"
                        + " keep only the certificate for links.example.com")));
        rows.add(BundleCase.of("two certificates for the key", text(chain(LEAF) + leaf().build().certificatePem() + KEY),
                expect(MULTIPLE_LEAVES, "certificates 0 (" + LEAF_NAME + ") and 3 (" + LEAF_NAME + ") carry the private"
                        + " key's public key; keep only the one to upload")));
        rows.add(BundleCase.of("two leaves and the key of neither", text(chain(LEAF) + OTHER_LEAF.certificatePem()
                        + EC_LEAF.privateKeyPkcs8Pem()),
                expect(MULTIPLE_LEAVES),
                expect(KEY_MISMATCH, "the private key belongs to none of the 4 certificates; upload the key that was"
                        + " generated with the leaf certificate's signing request")));
        rows.add(BundleCase.of("a chain of 50 certificates", text(longChain(50) + KEY),
                expect(TOO_MANY_CERTIFICATES, "the bundle has 50 different certificates; certguard examines at most 16"
                        + " (a chain is the leaf, its intermediates and the root): remove the certificates that are not"
                        + " part of this domain's chain")));

        // Reading problems end up in the report, next to what can still be checked
        rows.add(BundleCase.of("no private key", text(chain(LEAF)), expect(NO_PRIVATE_KEY)));
        rows.add(BundleCase.of("JSON certificate member of the wrong type", text(json("certificate", 12345, "chain",
                        intermediateAndRoot(), "privateKey", KEY)),
                expect(JSON_MALFORMED, "\"certificate\" in the JSON secret must be a string, not a number")));
        rows.add(BundleCase.of("JSON chain member that is no PEM", text(json("certificate", LEAF.certificatePem(),
                        "chain", "see attached", "privateKey", KEY)),
                expect(PEM_MALFORMED, "\"chain\" holds no PEM block (no \"-----BEGIN\" line): it is 12 characters of text"
                        + " that is not PEM")));
        rows.add(BundleCase.of("DER instead of PEM", bytes(der(LEAF)), expect(PEM_MALFORMED)));
        rows.add(BundleCase.of("wrong passphrase and an expired leaf", text(json("certificate", chain(leafValid(
                        NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1)))), "privateKey",
                        LEAF.privateKeyEncryptedPem(PASSPHRASE.toCharArray()), "privateKeyPassphrase", WRONG_PASSPHRASE)),
                expect(KEY_ENCRYPTED), expect(EXPIRED, 0)));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void validationReportsExactlyTheExpectedFindings(BundleCase row) {
        BundleReport report = BundleValidator.validate(row.input(), row.context());

        BundleCase.assertFindings(report.findings(), row.expected());
        assertThat(report.uploadable()).isEqualTo(row.expected().stream().noneMatch(e -> e.severity() == Severity.ERROR));
    }

    static Stream<Arguments> inputsOfTheCanonicalBundle() {
        String chain = chain(LEAF);
        return Stream.of(
                Arguments.of("canonical", bundle(LEAF)),
                Arguments.of("reversed", certs(PKI.root(), PKI.intermediate(), LEAF) + KEY),
                Arguments.of("CRLF and a byte order mark", "\uFEFF" + bundle(LEAF).replace("\n", "\r\n")),
                Arguments.of("whitespace inside lines", BundleInputTest.whitespaceInsideLines(bundle(LEAF))),
                Arguments.of("PKCS#1 key", chain + LEAF.privateKeyTraditionalPem()),
                Arguments.of("JSON, encrypted PKCS#8", json("certificate", LEAF.certificatePem(), "chain",
                        intermediateAndRoot(), "privateKey", LEAF.privateKeyEncryptedPem(PASSPHRASE.toCharArray()),
                        "privateKeyPassphrase", PASSPHRASE)),
                Arguments.of("JSON, legacy encrypted PKCS#1", json("certificate", chain, "privateKey",
                        LEAF.privateKeyTraditionalEncryptedPem(PASSPHRASE.toCharArray()), "privateKeyPassphrase",
                        PASSPHRASE)),
                Arguments.of("duplicate and unrelated certificates", certs(LEAF, PKI.intermediate(), OTHER_LEAF,
                        PKI.intermediate(), PKI.root()) + KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputsOfTheCanonicalBundle")
    void payloadIsTheCanonicalBundleWhateverTheInputLookedLike(String name, String secret) {
        BundleReport report = BundleValidator.validate(BundleInput.fromText(secret), CONTEXT);

        assertThat(report).isInstanceOf(BundleReport.Uploadable.class);
        assertThat(((BundleReport.Uploadable) report).payload().pem()).isEqualTo(bundle(LEAF));
    }

    static Stream<Arguments> everyOrderOfChainAndKey() {
        List<HeldCertificate> chain = List.of(LEAF, PKI.intermediate(), PKI.root());
        int[][] permutations = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        Stream.Builder<Arguments> orders = Stream.builder();
        for (int[] p : permutations) {
            for (int keyAt = 0; keyAt <= 3; keyAt++) {
                List<String> parts = new ArrayList<>(List.of(chain.get(p[0]).certificatePem(),
                        chain.get(p[1]).certificatePem(), chain.get(p[2]).certificatePem()));
                parts.add(keyAt, KEY);
                orders.add(Arguments.of(p[0] + "," + p[1] + "," + p[2] + " key at " + keyAt, String.join("", parts),
                        p[0] == 0 && p[1] == 1));
            }
        }
        return orders.build();
    }

    @ParameterizedTest(name = "certificates {0}")
    @MethodSource("everyOrderOfChainAndKey")
    void everyOrderGivesTheSamePayload(String order, String secret, boolean inChainOrder) {
        BundleReport report = BundleValidator.validate(BundleInput.fromText(secret), CONTEXT);

        assertThat(report).isInstanceOfSatisfying(BundleReport.Uploadable.class,
                uploadable -> assertThat(uploadable.payload().pem()).isEqualTo(bundle(LEAF)));
        assertThat(report.findings()).extracting(Finding::code)
                .isEqualTo(inChainOrder ? List.of() : List.of(CHAIN_ORDER));
    }

    @Test
    void payloadParsesBackToTheSameLeafAndKey() throws Exception {
        BundleReport.Uploadable first = uploadable(chain(EC_LEAF) + EC_LEAF.privateKeyTraditionalPem());
        String pem = first.payload().pem();

        BundleReport again = BundleValidator.validate(BundleInput.fromText(pem), CONTEXT);
        assertThat(again).isInstanceOfSatisfying(BundleReport.Uploadable.class, u -> {
            assertThat(u.leaf()).isEqualTo(first.leaf());
            assertThat(u.payload().pem()).isEqualTo(pem);
        });
        assertThat(again.findings()).extracting(Finding::code).containsExactly(EC_KEY);
        assertThat(List.<java.security.cert.Certificate>copyOf(CertificateFactory.getInstance("X.509").generateCertificates(
                new java.io.ByteArrayInputStream(pem.substring(0, pem.indexOf("-----BEGIN PRIVATE KEY"))
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII)))))
                .containsExactly(EC_LEAF.certificate(), PKI.intermediate().certificate(), PKI.root().certificate());
        byte[] pkcs8 = Bundles.blockContents(pem, "PRIVATE KEY").getFirst();
        java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        assertThat(key.getS()).isEqualTo(((java.security.interfaces.ECPrivateKey) EC_LEAF.privateKey()).getS());
    }

    @Test
    void payloadIsPemWithLfLineEndingsAndOnePkcs8Key() {
        String pem = uploadable(LEAF.privateKeyTraditionalPem() + certs(PKI.root(), LEAF, PKI.intermediate())
                .replace("\n", "\r\n")).payload().pem();

        assertThat(pem).doesNotContain("\r").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(pem.split("-----BEGIN PRIVATE KEY-----", -1)).hasSize(2);
        assertThat(pem).doesNotContain("RSA PRIVATE KEY");
        assertThat(pem.indexOf("-----BEGIN CERTIFICATE-----")).isZero();
    }

    @Test
    void leafSummaryIdentifiesTheLeafAsTheTlsProbeDoes() throws Exception {
        LeafSummary leaf = uploadable(bundle(LEAF)).leaf();

        assertThat(leaf.subject()).isEqualTo(LEAF_NAME);
        assertThat(leaf.issuer()).isEqualTo(INTERMEDIATE_NAME);
        assertThat(leaf.serialNumber()).isEqualTo(LEAF.certificate().getSerialNumber().toString(16));
        assertThat(leaf.notBefore()).isEqualTo(LEAF.certificate().getNotBefore().toInstant());
        assertThat(leaf.notAfter()).isEqualTo(LEAF_EXPIRY);
        assertThat(leaf.sha256Fingerprint()).isEqualTo(HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(der(LEAF))));
        assertThat(leaf.sha256Fingerprint()).matches("[0-9a-f]{64}");
        assertThat(leaf.dnsNames()).containsExactly(HOST);
    }

    @Test
    void aRejectedReportKeepsTheLeafWhenItIsKnown() {
        BundleReport noKey = BundleValidator.validate(BundleInput.fromText(chain(LEAF)), CONTEXT);
        BundleReport notPem = BundleValidator.validate(BundleInput.fromBytes(der(LEAF)), CONTEXT);

        assertThat(noKey).isInstanceOfSatisfying(BundleReport.Rejected.class, r -> {
            assertThat(r.leaf()).map(LeafSummary::notAfter).contains(LEAF_EXPIRY);
            assertThat(r.errors()).extracting(Finding::code).containsExactly(NO_PRIVATE_KEY);
        });
        assertThat(notPem).isInstanceOfSatisfying(BundleReport.Rejected.class, r -> assertThat(r.leaf()).isEmpty());
    }

    @Test
    void reportsCannotContradictTheirFindings() {
        LeafSummary leaf = uploadable(bundle(LEAF)).leaf();
        Finding error = Finding.of(KEY_MISMATCH, "m");
        Finding note = Finding.of(CHAIN_ORDER, "m");

        assertThatThrownBy(() -> new BundleReport.Uploadable(List.of(error), leaf, new TlsCertPayload("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleReport.Rejected(List.of(note), Optional.of(leaf)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Finding(EXPIRED, Severity.ERROR, "m", OptionalInt.of(2)))
                .hasToString("ERROR EXPIRED [certificate 2]: m");
    }

    @Test
    void theBouncyCastleProviderIsNeverRegistered() {
        uploadable(json("certificate", chain(LEAF), "privateKey", LEAF.privateKeyEncryptedPem(PASSPHRASE.toCharArray()),
                "privateKeyPassphrase", PASSPHRASE));

        assertThat(Security.getProvider("BC")).isNull();
    }

    @Test
    void contextNormalizesTheHostAndRefusesNonsense() {
        assertThat(ValidationContext.of(" Links.Example.COM. ", NOW, THRESHOLD).host()).isEqualTo(HOST);
        assertThat(ValidationContext.of("bücher.example", NOW, THRESHOLD).host()).isEqualTo("xn--bcher-kva.example");
        assertThatThrownBy(() -> ValidationContext.of(" ", NOW, THRESHOLD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValidationContext.of("*.example.com", NOW, THRESHOLD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValidationContext.of(HOST, NOW, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BundleReport.Uploadable uploadable(String secret) {
        BundleReport report = BundleValidator.validate(BundleInput.fromText(secret), CONTEXT);
        assertThat(report).as("report %s", report.findings()).isInstanceOf(BundleReport.Uploadable.class);
        return (BundleReport.Uploadable) report;
    }

    /** An intermediate named and keyed like the test intermediate, not yet signed. */
    private static io.certguard.testpki.HeldCertificateBuilder intermediate() {
        return HeldCertificate.builder().commonName("certguard Test Intermediate").keyPair(PKI.intermediate().keyPair())
                .certificateAuthority(0).validFor(NOW, Duration.ofDays(1825));
    }

    private static HeldCertificate leafValid(Instant notBefore, Instant notAfter) {
        return leaf().validity(notBefore, notAfter).build();
    }

    /** A leaf under {@code length - 2} intermediates under a root: EC CAs, as they are quick to generate. */
    private static String longChain(int length) {
        HeldCertificate issuer = HeldCertificate.builder().commonName("certguard Long Root").key(KeyKind.EC_P256)
                .certificateAuthority(length).validFor(NOW, Duration.ofDays(3650)).build();
        List<HeldCertificate> cas = new ArrayList<>(List.of(issuer));
        for (int i = 1; i <= length - 2; i++) {
            issuer = HeldCertificate.builder().commonName("certguard Long CA " + i).key(KeyKind.EC_P256)
                    .certificateAuthority(length - i).validFor(NOW, Duration.ofDays(1000)).signedBy(issuer).build();
            cas.addFirst(issuer);
        }
        return leaf().signedBy(issuer).build().certificatePem() + certs(cas.toArray(HeldCertificate[]::new));
    }
}
