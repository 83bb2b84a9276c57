package io.certguard.bundle;

import static io.certguard.bundle.BundleCase.Expect.expect;
import static io.certguard.bundle.BundleCase.Secret.bytes;
import static io.certguard.bundle.BundleCase.Secret.text;
import static io.certguard.bundle.Bundles.EC_LEAF;
import static io.certguard.bundle.Bundles.LEAF;
import static io.certguard.bundle.Bundles.PASSPHRASE;
import static io.certguard.bundle.Bundles.PKI;
import static io.certguard.bundle.Bundles.WRONG_PASSPHRASE;
import static io.certguard.bundle.Bundles.base64;
import static io.certguard.bundle.Bundles.base64Of;
import static io.certguard.bundle.Bundles.bundle;
import static io.certguard.bundle.Bundles.chain;
import static io.certguard.bundle.Bundles.der;
import static io.certguard.bundle.Bundles.intermediateAndRoot;
import static io.certguard.bundle.Bundles.json;
import static io.certguard.bundle.Bundles.lineOf;
import static io.certguard.bundle.Bundles.pem;
import static io.certguard.bundle.Bundles.pkcs12;
import static io.certguard.bundle.FindingCode.JSON_MALFORMED;
import static io.certguard.bundle.FindingCode.KEY_CONVERTED_TO_PKCS8;
import static io.certguard.bundle.FindingCode.KEY_DECRYPTED;
import static io.certguard.bundle.FindingCode.KEY_ENCRYPTED;
import static io.certguard.bundle.FindingCode.MULTIPLE_PRIVATE_KEYS;
import static io.certguard.bundle.FindingCode.NO_CERTIFICATE;
import static io.certguard.bundle.FindingCode.NO_PRIVATE_KEY;
import static io.certguard.bundle.FindingCode.PEM_MALFORMED;
import static io.certguard.bundle.FindingCode.UNSUPPORTED_BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.domain.DomainSid;
import io.certguard.secret.SecretVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading secrets: both formats, every key form, and every way a paste or an export goes wrong. */
class BundleInputTest {

    private static final String DECRYPT_HINT = "store the key decrypted (\"openssl pkey -in key.pem -out key-pkcs8.pem\")";
    private static final String NOT_PEM = "the secret holds no PEM block (no \"-----BEGIN\" line): ";

    static List<BundleCase> rows() {
        String bundle = bundle(LEAF);
        String leafPem = LEAF.certificatePem();
        String key = LEAF.privateKeyPkcs8Pem();
        String encrypted = LEAF.privateKeyEncryptedPem(PASSPHRASE.toCharArray());
        List<BundleCase> rows = new ArrayList<>();

        // Both formats, and what editors and consoles do to PEM text
        rows.add(BundleCase.of("PEM bundle, leaf first, PKCS#8 key", text(bundle)));
        rows.add(BundleCase.of("PEM bundle, key first", text(key + chain(LEAF))));
        rows.add(BundleCase.of("CRLF line endings", text(bundle.replace("\n", "\r\n"))));
        rows.add(BundleCase.of("mixed CR, LF and CRLF line endings", text(mixedLineEndings(bundle))));
        rows.add(BundleCase.of("byte order mark", text("\uFEFF" + bundle)));
        rows.add(BundleCase.of("UTF-8 bytes with a byte order mark", bytes(concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, bundle.getBytes(StandardCharsets.UTF_8)))));
        rows.add(BundleCase.of("UTF-16LE bytes with a byte order mark (Windows \"Unicode\")", bytes(concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE}, bundle.getBytes(StandardCharsets.UTF_16LE)))));
        rows.add(BundleCase.of("whitespace inside and around PEM lines", text(whitespaceInsideLines(bundle))));
        rows.add(BundleCase.of("one line, line breaks replaced by spaces", text(bundle.replace("\n", " "))));
        rows.add(BundleCase.of("line breaks stored as the two characters \\n", text(bundle.replace("\n", "\\n"))));
        rows.add(BundleCase.of("explanatory text before, between and after the blocks", text("Certificate:\n"
                + "    Data: see below\n" + leafPem + "subject=CN = certguard Test Intermediate\n"
                + intermediateAndRoot() + key + "\n# exported by hand; trailing words: yes\n")));
        rows.add(BundleCase.of("binary garbage after the bundle", bytes(concat(bundle.getBytes(StandardCharsets.UTF_8),
                randomBytes(200, 7)))));
        rows.add(BundleCase.of("JSON with lower-case names", text(json("certificate", leafPem,
                "chain", intermediateAndRoot(), "privateKey", key))));
        rows.add(BundleCase.of("JSON with ACM's export names", text(json("Certificate", leafPem,
                "CertificateChain", intermediateAndRoot(), "PrivateKey", key))));
        rows.add(BundleCase.of("JSON with the whole chain in certificate", text(json("certificate", chain(LEAF),
                "privateKey", key))));
        rows.add(BundleCase.of("JSON with a domainSid", text(json("certificate", leafPem, "chain",
                intermediateAndRoot(), "privateKey", key, "domainSid", "DN" + "0123456789abcdef".repeat(2)))));

        // Key forms
        rows.add(BundleCase.of("PKCS#1 RSA key", text(chain(LEAF) + LEAF.privateKeyTraditionalPem()),
                expect(KEY_CONVERTED_TO_PKCS8, "the private key is PKCS#1 (BEGIN RSA PRIVATE KEY); converted to"
                        + " PKCS#8 (BEGIN PRIVATE KEY) as Twilio requires")));
        rows.add(BundleCase.of("SEC1 EC key", text(chain(EC_LEAF) + EC_LEAF.privateKeyTraditionalPem()),
                expect(KEY_CONVERTED_TO_PKCS8, "the private key is SEC1 (BEGIN EC PRIVATE KEY); converted to"
                        + " PKCS#8 (BEGIN PRIVATE KEY) as Twilio requires")));
        rows.add(BundleCase.of("encrypted PKCS#8 key with the right passphrase", text(json("certificate", leafPem,
                        "chain", intermediateAndRoot(), "privateKey", encrypted, "privateKeyPassphrase", PASSPHRASE)),
                expect(KEY_DECRYPTED, "the private key is encrypted (BEGIN ENCRYPTED PRIVATE KEY); decrypted with"
                        + " privateKeyPassphrase, as Twilio takes it unencrypted (BEGIN PRIVATE KEY)")));
        rows.add(BundleCase.of("encrypted PKCS#8 key with a wrong passphrase", text(json("certificate", leafPem,
                        "chain", intermediateAndRoot(), "privateKey", encrypted, "privateKeyPassphrase", WRONG_PASSPHRASE)),
                expect(KEY_ENCRYPTED, "privateKeyPassphrase does not decrypt the private key at line 1 of"
                        + " \"privateKey\" (BEGIN ENCRYPTED PRIVATE KEY); check the passphrase, or " + DECRYPT_HINT)));
        rows.add(BundleCase.of("encrypted PKCS#8 key without a passphrase", text(json("certificate", leafPem,
                        "chain", intermediateAndRoot(), "privateKey", encrypted)),
                expect(KEY_ENCRYPTED, "the private key at line 1 of \"privateKey\" is encrypted (BEGIN ENCRYPTED"
                        + " PRIVATE KEY) and no privateKeyPassphrase was given; store the secret as JSON with"
                        + " \"privateKeyPassphrase\", or " + DECRYPT_HINT)));
        rows.add(BundleCase.of("encrypted PKCS#8 key in a PEM bundle", text(chain(LEAF) + encrypted),
                expect(KEY_ENCRYPTED, "the private key at line " + lineOf(chain(LEAF) + encrypted, "-----BEGIN ENC")
                        + " is encrypted (BEGIN ENCRYPTED PRIVATE KEY) and no privateKeyPassphrase was given; store the"
                        + " secret as JSON with \"privateKeyPassphrase\", or " + DECRYPT_HINT)));
        rows.add(BundleCase.of("legacy encrypted PKCS#1 key with the right passphrase", text(json("certificate",
                        chain(LEAF), "privateKey", LEAF.privateKeyTraditionalEncryptedPem(PASSPHRASE.toCharArray()),
                        "privateKeyPassphrase", PASSPHRASE)),
                expect(KEY_DECRYPTED, "the private key is encrypted (BEGIN RSA PRIVATE KEY with Proc-Type:"
                        + " 4,ENCRYPTED); decrypted with privateKeyPassphrase, as Twilio takes it unencrypted (BEGIN"
                        + " PRIVATE KEY)"),
                expect(KEY_CONVERTED_TO_PKCS8)));
        rows.add(BundleCase.of("legacy encrypted PKCS#1 key with a wrong passphrase", text(json("certificate",
                        chain(LEAF), "privateKey", LEAF.privateKeyTraditionalEncryptedPem(PASSPHRASE.toCharArray()),
                        "privateKeyPassphrase", WRONG_PASSPHRASE)),
                expect(KEY_ENCRYPTED, "privateKeyPassphrase does not decrypt the private key at line 1 of"
                        + " \"privateKey\" (BEGIN RSA PRIVATE KEY with Proc-Type: 4,ENCRYPTED); check the passphrase,"
                        + " or " + DECRYPT_HINT)));
        rows.add(BundleCase.of("encrypted key asking for two billion PBKDF2 iterations", text(json("certificate",
                        chain(LEAF), "privateKey", withIterations(encrypted, 2_000_000_000),
                        "privateKeyPassphrase", PASSPHRASE)),
                expect(KEY_ENCRYPTED, "the private key at line 1 of \"privateKey\" is encrypted with 2,000,000,000"
                        + " PBKDF2 iterations, more work than certguard spends on a key; " + DECRYPT_HINT)));

        // Damaged blocks
        rows.add(BundleCase.of("base64 truncated", text(dropBeforeEnd(leafPem, 3) + intermediateAndRoot() + key),
                expect(PEM_MALFORMED, 0, "the CERTIFICATE block at line 1 is truncated: its base64 has "
                        + count(base64Of(leafPem).length() - 3) + " characters, not a multiple of 4")));
        String cutInKey = bundle.substring(0, bundle.indexOf("-----BEGIN PRIVATE KEY") + 300);
        rows.add(BundleCase.of("text cut off inside the key", text(cutInKey),
                expect(PEM_MALFORMED, "the PRIVATE KEY block at line " + lineOf(bundle, "-----BEGIN PRIVATE KEY")
                        + " has no END line; the text looks truncated")));
        String wrongEnd = leafPem.replace("-----END CERTIFICATE-----", "-----END PRIVATE KEY-----");
        rows.add(BundleCase.of("END line of another label", text(wrongEnd + intermediateAndRoot() + key),
                expect(PEM_MALFORMED, 0, "the CERTIFICATE block at line 1 ends with \"-----END PRIVATE KEY-----\""
                        + " (line " + lines(wrongEnd) + "); each BEGIN line needs the END line of the same label")));
        String intermediateWithoutBegin = PKI.intermediate().certificatePem().replace("-----BEGIN CERTIFICATE-----\n", "");
        rows.add(BundleCase.of("END line without a BEGIN line", text(leafPem + intermediateWithoutBegin
                        + PKI.root().certificatePem() + key),
                expect(PEM_MALFORMED, 1, "\"-----END CERTIFICATE-----\" at line "
                        + (lines(leafPem) + lines(intermediateWithoutBegin)) + " has no BEGIN line")));
        rows.add(BundleCase.of("a character that is not base64", text(replaceLine(leafPem, 3, "*") + intermediateAndRoot()
                        + key),
                expect(PEM_MALFORMED, 0, "the CERTIFICATE block at line 1 has a character that is not base64 at"
                        + " line 3; between its BEGIN and END lines a PEM block holds only base64")));
        rows.add(BundleCase.of("DER cut short at a multiple of four base64 characters", text(removeLine(leafPem, 3)
                        + intermediateAndRoot() + key),
                expect(PEM_MALFORMED, 0, "the CERTIFICATE block at line 1 is truncated: its DER announces "
                        + count(der(LEAF).length) + " bytes but the block holds " + count(der(LEAF).length - 48))));
        rows.add(BundleCase.of("empty block", text("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n" + bundle),
                expect(PEM_MALFORMED, 0, "the CERTIFICATE block at line 1 is empty")));
        rows.add(BundleCase.of("certificate block holding a key", text(pem("CERTIFICATE",
                        LEAF.privateKey().getEncoded()) + bundle),
                expect(PEM_MALFORMED, 0, "the CERTIFICATE block at line 1 is not a valid X.509 certificate")));
        rows.add(BundleCase.of("private key block holding a certificate", text(chain(LEAF) + pem("PRIVATE KEY",
                        der(LEAF))),
                expect(PEM_MALFORMED, "the PRIVATE KEY block at line " + (lines(chain(LEAF)) + 1) + " is not a"
                        + " PKCS#8 private key")));
        String chainMissingEnd = PKI.intermediate().certificatePem().replace("-----END CERTIFICATE-----\n", "")
                + PKI.root().certificatePem();
        rows.add(BundleCase.of("JSON member with a block missing its END line", text(json("certificate", leafPem,
                        "chain", chainMissingEnd, "privateKey", key)),
                expect(PEM_MALFORMED, 1, "the CERTIFICATE block at line 1 of \"chain\" has no END line before the"
                        + " next BEGIN line (line " + lineOf(chainMissingEnd, PKI.root().certificatePem().substring(0, 40))
                        + " of \"chain\")")));

        // No PEM at all
        rows.add(BundleCase.of("DER certificate bytes", bytes(der(LEAF)),
                expect(PEM_MALFORMED, NOT_PEM + "this looks like a DER certificate; convert with \"openssl x509"
                        + " -inform der -in certificate.der -out certificate.pem\"")));
        rows.add(BundleCase.of("PKCS#12 bytes", bytes(pkcs12(LEAF)),
                expect(PEM_MALFORMED, NOT_PEM + "this looks like PKCS#12 (.p12/.pfx); convert with \"openssl pkcs12"
                        + " -in bundle.p12 -nodes -out bundle.pem\"")));
        rows.add(BundleCase.of("DER private key bytes", bytes(LEAF.privateKey().getEncoded()),
                expect(PEM_MALFORMED, NOT_PEM + "this looks like a DER private key; convert with \"openssl pkey"
                        + " -inform der -in key.der -out key.pem\"")));
        rows.add(BundleCase.of("base64 of PKCS#12", text(base64(pkcs12(LEAF))),
                expect(PEM_MALFORMED, NOT_PEM + "this looks like base64 of PKCS#12 (.p12/.pfx); decode it (base64 -d)"
                        + " and convert with \"openssl pkcs12 -in bundle.p12 -nodes -out bundle.pem\"")));
        rows.add(BundleCase.of("base64 of a PEM bundle", text(base64(bundle.getBytes(StandardCharsets.US_ASCII))),
                expect(PEM_MALFORMED, NOT_PEM + "this looks like base64 of PEM text; store the decoded text"
                        + " (base64 -d)")));
        rows.add(BundleCase.of("65,536 bytes of binary garbage", bytes(randomBytes(65_536, 4)),
                expect(PEM_MALFORMED, NOT_PEM + "it is 65,536 bytes of binary data that is neither PEM nor DER")));
        rows.add(BundleCase.of("65,536 characters of text garbage", text("lorem ipsum ".repeat(5461) + "lore"),
                expect(PEM_MALFORMED, NOT_PEM + "it is 65,536 characters of text that is not PEM")));
        rows.add(BundleCase.of("empty text", text(""),
                expect(PEM_MALFORMED, "the secret is empty; store the certificate chain and the private key as PEM")));
        rows.add(BundleCase.of("blank text", text(" \r\n\t\n"), expect(PEM_MALFORMED)));
        rows.add(BundleCase.of("empty bytes", bytes(new byte[0]), expect(PEM_MALFORMED)));
        rows.add(BundleCase.of("300,000 characters", text(" ".repeat(300_000)),
                expect(PEM_MALFORMED, "the secret is 300,000 characters long, too large for a certificate bundle (a"
                        + " few kilobytes; certguard reads at most 262,144 characters), so it was not read")));
        rows.add(BundleCase.of("300,000 bytes", bytes(new byte[300_000]),
                expect(PEM_MALFORMED, "the secret is 300,000 bytes long, too large for a certificate bundle (a few"
                        + " kilobytes; certguard reads at most 262,144 bytes), so it was not read")));
        rows.add(BundleCase.of("70 PEM blocks", text(LEAF.certificatePem().repeat(70)),
                expect(PEM_MALFORMED, "the secret has more than 64 PEM blocks; the rest was not read (a certificate"
                        + " bundle has a handful)"),
                expect(NO_PRIVATE_KEY)));

        // JSON mistakes
        rows.add(BundleCase.of("JSON that does not parse", text("{\"certificate\": 42"),
                expect(JSON_MALFORMED, "the secret starts with '{' but is not valid JSON (expected ',' or '}' at"
                        + " offset 18); store a JSON object with \"certificate\", \"chain\" and \"privateKey\", or one"
                        + " PEM bundle")));
        rows.add(BundleCase.of("JSON names differing only in case", text(json("certificate", leafPem, "Certificate",
                        leafPem, "chain", intermediateAndRoot(), "privateKey", key)),
                expect(JSON_MALFORMED, "the JSON secret has both \"certificate\" and \"Certificate\", which name the"
                        + " same member; keep one")));
        rows.add(BundleCase.of("JSON with both chain and certificateChain", text(json("certificate", leafPem, "chain",
                        intermediateAndRoot(), "certificateChain", intermediateAndRoot(), "privateKey", key)),
                expect(JSON_MALFORMED, "the JSON secret has both \"chain\" and \"certificateChain\", which name the"
                        + " same member; keep one")));
        rows.add(BundleCase.of("JSON privateKey that is not a string", text(json("certificate", chain(LEAF),
                        "privateKey", 42)),
                expect(JSON_MALFORMED, "\"privateKey\" in the JSON secret must be a string, not a number")));
        rows.add(BundleCase.of("JSON domainSid that is not a SID", text(json("certificate", chain(LEAF), "privateKey",
                        key, "domainSid", "links.example.com")),
                expect(JSON_MALFORMED, "\"domainSid\" in the JSON secret is not a Twilio domain SID (DN followed by 32"
                        + " hex digits)")));
        rows.add(BundleCase.of("JSON certificate holding base64 DER", text(json("certificate", base64(der(LEAF)),
                        "chain", intermediateAndRoot(), "privateKey", key)),
                expect(PEM_MALFORMED, "\"certificate\" holds no PEM block (no \"-----BEGIN\" line): this looks like"
                        + " base64 of a DER certificate; decode it (base64 -d) and convert with \"openssl x509 -inform"
                        + " der -in certificate.der -out certificate.pem\"")));

        // Missing, extra and foreign blocks
        rows.add(BundleCase.of("no certificate", text(key),
                expect(NO_CERTIFICATE, "the bundle has no certificate (BEGIN CERTIFICATE block)")));
        rows.add(BundleCase.of("no private key", text(chain(LEAF)),
                expect(NO_PRIVATE_KEY, "the bundle has no private key: append the leaf's PKCS#8 key (BEGIN PRIVATE"
                        + " KEY block)")));
        rows.add(BundleCase.of("JSON without privateKey", text(json("certificate", leafPem, "chain",
                        intermediateAndRoot(), "private_key", key)),
                expect(NO_PRIVATE_KEY, "the JSON secret has no private key: put the PKCS#8 PEM (BEGIN PRIVATE KEY) in"
                        + " \"privateKey\" (the secret's members are certificate, chain, private_key)")));
        rows.add(BundleCase.of("empty JSON object", text("{}"),
                expect(NO_CERTIFICATE, "the JSON secret has no certificate: put the leaf certificate's PEM (BEGIN"
                        + " CERTIFICATE) in \"certificate\""),
                expect(NO_PRIVATE_KEY, "the JSON secret has no private key: put the PKCS#8 PEM (BEGIN PRIVATE KEY) in"
                        + " \"privateKey\"")));
        String twoKeys = chain(LEAF) + key + LEAF.privateKeyTraditionalPem();
        rows.add(BundleCase.of("two private keys", text(twoKeys),
                expect(MULTIPLE_PRIVATE_KEYS, "the bundle has 2 private keys (at line " + lineOf(twoKeys,
                        "-----BEGIN PRIVATE KEY") + ", line " + lineOf(twoKeys, "-----BEGIN RSA PRIVATE KEY")
                        + "); keep only the leaf certificate's key")));
        String withRequest = bundle + pem("CERTIFICATE REQUEST", der(LEAF));
        rows.add(BundleCase.of("certificate request", text(withRequest),
                expect(UNSUPPORTED_BLOCK, "the CERTIFICATE REQUEST block at line " + lineOf(withRequest,
                        "-----BEGIN CERTIFICATE REQUEST") + " is not part of a certificate bundle; it is left out")));
        rows.add(BundleCase.of("PKCS#7 chain", text(pem("PKCS7", der(LEAF)) + key),
                expect(UNSUPPORTED_BLOCK, "the PKCS7 block at line 1 is not read: extract its certificates with"
                        + " \"openssl pkcs7 -print_certs -in chain.p7b\" and store them as CERTIFICATE blocks"),
                expect(NO_CERTIFICATE)));
        String openSsh = chain(LEAF) + pem("OPENSSH PRIVATE KEY", "openssh-key-v1\0none".getBytes(StandardCharsets.US_ASCII));
        rows.add(BundleCase.of("OpenSSH private key", text(openSsh),
                expect(UNSUPPORTED_BLOCK, "the OPENSSH PRIVATE KEY block at line " + lineOf(openSsh, "-----BEGIN OPENSSH")
                        + " is not a private key format Twilio takes (PKCS#8, BEGIN PRIVATE KEY); it is left out"),
                expect(NO_PRIVATE_KEY)));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readingReportsExactlyTheExpectedFindings(BundleCase row) {
        BundleCase.assertFindings(row.input().findings(), row.expected());
    }

    @Test
    void readsEveryCertificateInOrderAndTheKey() {
        BundleInput input = BundleInput.fromText(LEAF.privateKeyPkcs8Pem() + chain(LEAF));

        assertThat(input.certificates()).extracting(ParsedCertificate::index).containsExactly(0, 1, 2);
        assertThat(input.certificates()).extracting(ParsedCertificate::certificate)
                .containsExactly(LEAF.certificate(), PKI.intermediate().certificate(), PKI.root().certificate());
        assertThat(input.privateKey()).map(k -> k.key().getEncoded()).contains(LEAF.privateKey().getEncoded());
    }

    @Test
    void everyKeyFormYieldsTheSamePkcs8Key() {
        byte[] expected = LEAF.privateKey().getEncoded();
        List<String> forms = List.of(
                LEAF.privateKeyPkcs8Pem(),
                LEAF.privateKeyTraditionalPem(),
                LEAF.privateKeyEncryptedPem(PASSPHRASE.toCharArray()),
                LEAF.privateKeyTraditionalEncryptedPem(PASSPHRASE.toCharArray()));

        for (String form : forms) {
            BundleInput input = BundleInput.fromText(json("certificate", chain(LEAF), "privateKey", form,
                    "privateKeyPassphrase", PASSPHRASE));
            assertThat(input.privateKey()).as(form.lines().findFirst().orElseThrow())
                    .map(PrivateKeyMaterial::pkcs8).contains(expected);
        }
    }

    @Test
    void domainSidComesFromTheJsonSecret() {
        String sid = "DN" + "0123456789abcdef".repeat(2);

        assertThat(BundleInput.fromText(json("certificate", chain(LEAF), "privateKey", LEAF.privateKeyPkcs8Pem(),
                "DomainSid", sid)).domainSid()).contains(new DomainSid(sid));
        assertThat(BundleInput.fromText(bundle(LEAF)).domainSid()).isEmpty();
    }

    @Test
    void readsASecretVersionsStringOrElseItsBinary() {
        SecretVersion asText = SecretVersion.ofText("arn:s", "certguard/links", "v1", List.of("AWSCURRENT"), bundle(LEAF));
        SecretVersion asBinary = SecretVersion.ofBinary("arn:s", "certguard/links", "v2", List.of("AWSPENDING"),
                bundle(LEAF).getBytes(StandardCharsets.US_ASCII));

        assertThat(BundleInput.fromSecret(asText).certificates()).hasSize(3);
        assertThat(BundleInput.fromSecret(asBinary).certificates()).hasSize(3);
        assertThat(BundleInput.fromSecret(asBinary).privateKey()).isPresent();
    }

    @Test
    void toStringShowsCountsOnly() {
        BundleInput input = BundleInput.fromText(bundle(LEAF));

        assertThat(input).hasToString("BundleInput[3 certificates, RSA private key, 0 findings]");
        assertThat(input.privateKey().orElseThrow().toString()).isEqualTo("PrivateKeyMaterial[RSA at line "
                + lineOf(bundle(LEAF), "-----BEGIN PRIVATE KEY") + ", redacted]");
    }

    static String mixedLineEndings(String text) {
        String[] endings = {"\r\n", "\n", "\r"};
        String[] lines = text.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]).append(endings[i % endings.length]);
        }
        return out.toString();
    }

    /** Indents every line, splits base64 lines with a space and a tab, and adds trailing spaces. */
    static String whitespaceInsideLines(String text) {
        return text.lines()
                .map(line -> line.startsWith("-----") || line.length() < 10 ? line
                        : "  " + line.substring(0, 10) + " \t" + line.substring(10) + "  ")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String dropBeforeEnd(String pem, int characters) {
        int end = pem.indexOf("\n-----END");
        return pem.substring(0, end - characters) + pem.substring(end);
    }

    private static String replaceLine(String pem, int line, String firstCharacter) {
        List<String> lines = new ArrayList<>(pem.lines().toList());
        lines.set(line - 1, firstCharacter + lines.get(line - 1).substring(1));
        return String.join("\n", lines) + "\n";
    }

    private static String removeLine(String pem, int line) {
        List<String> lines = new ArrayList<>(pem.lines().toList());
        lines.remove(line - 1);
        return String.join("\n", lines) + "\n";
    }

    private static int lines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Seeded random bytes starting with a NUL, so they are neither text nor DER nor a byte order mark. */
    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 0;
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The same encrypted key, claiming another PBKDF2 iteration count (the ciphertext is not re-made). */
    private static String withIterations(String encryptedPem, int iterations) {
        EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(
                Bundles.blockContents(encryptedPem, "ENCRYPTED").getFirst());
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        PBES2Parameters costly = new PBES2Parameters(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                new PBKDF2Params(kdf.getSalt(), iterations, kdf.getPrf())), pbes2.getEncryptionScheme());
        try {
            return pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(
                    PKCSObjectIdentifiers.id_PBES2, costly), info.getEncryptedData()).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
