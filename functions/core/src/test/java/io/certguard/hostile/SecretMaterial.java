package io.certguard.hostile;

import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The certificates and keys the secrets corpus refers to, generated when the tests run from a throwaway PKI
 * (io.certguard.testpki): nothing in the corpus files is key material. Placeholders {@code {{name|filter|…}}} in a
 * case's input are replaced by {@link #placeholder}; generated cases ({@code generate:} in the expect file) are made
 * by {@link #generate}. Random content comes from {@link Random} with the seed the case names, so every run feeds the
 * same bytes.
 */
final class SecretMaterial {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String HOST = "links.example.com";
    static final String PASSPHRASE = "corpus passphrase 7f3a9c";
    static final String WRONG_PASSPHRASE = "not the passphrase 41b2";

    final TestPki pki = TestPki.create(NOW);
    final HeldCertificate leaf = pki.leaf(HOST, NOW, NOW.plus(Duration.ofDays(90)));
    /** A second leaf for the same host with its own key. */
    final HeldCertificate other = pki.leaf(HOST, NOW, NOW.plus(Duration.ofDays(90)));
    /** A second leaf for the same host carrying the leaf's key: two leaves the key cannot tell apart. */
    final HeldCertificate twin = pki.leaf(HOST).keyPair(leaf.keyPair())
            .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(60))).build();
    final HeldCertificate expired = pki.leaf(HOST).keyPair(leaf.keyPair())
            .validity(NOW.minus(Duration.ofDays(120)), NOW.minus(Duration.ofDays(30))).build();
    final HeldCertificate ec = pki.leaf(HOST).key(KeyKind.EC_P256).validFor(NOW.minus(Duration.ofHours(1)),
            Duration.ofDays(90)).build();

    /** The secret values the corpus must never see in a finding or a {@code toString}. */
    List<String> secrets() {
        String body = leaf.privateKeyPkcs8Pem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
        List<String> secrets = new ArrayList<>(List.of(PASSPHRASE, WRONG_PASSPHRASE));
        for (int at = 200; at + 32 < body.length(); at += 300) {
            secrets.add(body.substring(at, at + 32));
        }
        return secrets;
    }

    /** {@code name|filter|…}: a named piece of PEM (or the passphrase) passed through filters left to right. */
    String placeholder(String spec) {
        String[] parts = spec.split("\\|");
        String value = piece(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            value = filter(parts[i], value);
        }
        return value;
    }

    private String piece(String name) {
        return switch (name) {
            case "leaf.cert" -> leaf.certificatePem();
            case "leaf.key" -> leaf.privateKeyPkcs8Pem();
            case "leaf.key.pkcs1" -> leaf.privateKeyTraditionalPem();
            case "leaf.key.encrypted" -> leaf.privateKeyEncryptedPem(PASSPHRASE.toCharArray());
            case "leaf.key.legacy-encrypted" -> leaf.privateKeyTraditionalEncryptedPem(PASSPHRASE.toCharArray());
            case "leaf.public-key" -> pem("PUBLIC KEY", leaf.keyPair().getPublic().getEncoded());
            case "intermediate.cert" -> pki.intermediate().certificatePem();
            case "root.cert" -> pki.root().certificatePem();
            case "chain" -> pki.chainPem(leaf);
            case "bundle" -> pki.tlsCertPem(leaf);
            case "other.cert" -> other.certificatePem();
            case "other.key" -> other.privateKeyPkcs8Pem();
            case "twin.cert" -> twin.certificatePem();
            case "expired.cert" -> expired.certificatePem();
            case "ec.cert" -> ec.certificatePem();
            case "ec.key.sec1" -> ec.privateKeyTraditionalPem();
            case "passphrase" -> PASSPHRASE;
            case "wrong-passphrase" -> WRONG_PASSPHRASE;
            default -> throw new IllegalArgumentException("unknown placeholder {{" + name + "}}");
        };
    }

    private static String filter(String name, String pem) {
        return switch (name) {
            // A JSON string's content: what a PEM looks like inside "certificate": "…".
            case "json" -> pem.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t");
            case "crlf" -> pem.replace("\n", "\r\n");
            case "cr" -> pem.replace("\n", "\r");
            case "mixed-line-endings" -> mixedLineEndings(pem);
            // A space inside every base64 line (after its 20th character), as a careless paste leaves.
            case "inner-spaces" -> pem.replaceAll("(?m)^([A-Za-z0-9+/=]{20})([A-Za-z0-9+/=]+)$", "$1 $2");
            case "inner-tabs" -> pem.replaceAll("(?m)^([A-Za-z0-9+/=]{8})([A-Za-z0-9+/=]+)$", "$1\t$2");
            case "indent" -> pem.replaceAll("(?m)^", "    ");
            // Line breaks replaced by single spaces: the whole PEM on one line.
            case "one-line" -> pem.replace("\n", " ").strip();
            // Line breaks stored as the two characters backslash and n (a double-escaped paste).
            case "escaped-newlines" -> pem.replace("\n", "\\n");
            case "base64" -> Base64.getMimeEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)) + "\n";
            // Cut at the middle line of the block: the END line is lost.
            case "truncate" -> {
                String[] lines = pem.split("\n");
                yield String.join("\n", List.of(lines).subList(0, lines.length / 2)) + "\n";
            }
            // A character that is not base64 in the middle of the block.
            case "bad-char" -> {
                int mid = pem.length() / 2;
                int at = pem.indexOf('\n', mid) + 5;
                yield pem.substring(0, at) + "!" + pem.substring(at + 1);
            }
            // BEGIN and END lines whose labels differ.
            case "wrong-end" -> pem.replace("-----END CERTIFICATE-----", "-----END PRIVATE KEY-----");
            case "no-begin" -> pem.replaceAll("-----BEGIN [A-Z ]+-----\n", "");
            case "no-end" -> pem.replaceAll("-----END [A-Z ]+-----\n?", "");
            // A base64 group of four removed: still a multiple of four, but the DER is shorter than it says.
            case "drop-group" -> {
                int at = pem.indexOf('\n', pem.length() / 2) + 1;
                yield pem.substring(0, at) + pem.substring(at + 4);
            }
            default -> throw new IllegalArgumentException("unknown filter |" + name);
        };
    }

    private static String mixedLineEndings(String pem) {
        String[] lines = pem.split("\n", -1);
        StringBuilder out = new StringBuilder();
        String[] endings = {"\r\n", "\n", "\r"};
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append(endings[i % endings.length]);
            }
        }
        return out.toString();
    }

    /**
     * A case's secret as the parsers receive it: generated ({@code generate:}), or its input file with the
     * placeholders filled in, as text or, with {@code feed: bytes}, as bytes in the {@code encoding:} named.
     */
    Generated input(HostileCorpus.Case c) {
        if (c.expect().first("generate").isPresent()) {
            return generate(c.expect().required("generate"));
        }
        byte[] rendered = HostileCorpus.render(c.inputBytes(), this::placeholder);
        String text = new String(rendered, StandardCharsets.UTF_8);
        if (!c.expect().first("feed").orElse("text").equals("bytes")) {
            return new Generated.Text(text);
        }
        return new Generated.Bytes(switch (c.expect().first("encoding").orElse("as-is")) {
            case "as-is" -> rendered;
            case "utf-16le-bom" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            case "utf-16be-bom" -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            case "utf-16le" -> text.getBytes(StandardCharsets.UTF_16LE);
            default -> throw new IllegalArgumentException("unknown encoding in " + c.expect().file());
        });
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    /** A generated secret: either its SecretString or its SecretBinary. */
    sealed interface Generated {
        record Text(String value) implements Generated {
        }

        record Bytes(byte[] value) implements Generated {
        }
    }

    /** {@code generate: NAME ARGS…} of an expect file. */
    Generated generate(String spec) {
        String[] words = spec.strip().split("\\s+");
        return switch (words[0]) {
            case "random-bytes" -> new Generated.Bytes(randomBytes(Integer.parseInt(words[1]), Long.parseLong(words[2])));
            case "random-printable" -> new Generated.Text(randomPrintable(Integer.parseInt(words[1]),
                    Long.parseLong(words[2])));
            case "pkcs12" -> new Generated.Bytes(pkcs12());
            case "pkcs12-base64" -> new Generated.Text(Base64.getMimeEncoder().encodeToString(pkcs12()));
            case "der-certificate" -> new Generated.Bytes(der(leaf));
            case "der-key" -> new Generated.Bytes(leaf.privateKey().getEncoded());
            case "binary-around-bundle" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(randomBytes(512, Long.parseLong(words[1])));
                out.writeBytes(("\n" + pki.tlsCertPem(leaf)).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(randomBytes(512, Long.parseLong(words[1]) + 1));
                yield new Generated.Bytes(out.toByteArray());
            }
            case "chain" -> new Generated.Text(longChain(Integer.parseInt(words[1])));
            case "nested-ber-certificate" -> {
                byte[] nested = new byte[Integer.parseInt(words[1])];
                for (int i = 0; i + 1 < nested.length; i += 2) {
                    nested[i] = 0x30;
                    nested[i + 1] = (byte) 0x80; // SEQUENCE of indefinite length, inside another, and so on
                }
                yield new Generated.Text(pem("CERTIFICATE", nested) + leaf.privateKeyPkcs8Pem());
            }
            case "copies-of-intermediate" -> new Generated.Text(pki.tlsCertPem(leaf)
                    + pki.intermediate().certificatePem().repeat(Integer.parseInt(words[1])));
            case "leaf-with-undecodable-cn" -> new Generated.Text(undecodableCommonNameLeaf()
                    + pki.intermediate().certificatePem() + pki.root().certificatePem() + leaf.privateKeyPkcs8Pem());
            case "padded-bundle" -> {
                String bundle = pki.tlsCertPem(leaf);
                yield new Generated.Text(bundle + "#".repeat(Integer.parseInt(words[1]) - bundle.length()));
            }
            default -> throw new IllegalArgumentException("unknown generator \"" + words[0] + "\"");
        };
    }

    /** Root → {@code size - 2} intermediates, each signing the next → leaf, with the leaf's key; P-256 for speed. */
    private String longChain(int size) {
        TestPki ecPki = TestPki.create(NOW, KeyKind.EC_P256);
        StringBuilder pem = new StringBuilder();
        List<HeldCertificate> cas = new ArrayList<>(List.of(ecPki.root()));
        for (int i = 1; i <= size - 2; i++) {
            cas.add(HeldCertificate.builder().commonName("certguard corpus CA " + i).key(KeyKind.EC_P256)
                    .certificateAuthority(size).validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(900)))
                    .signedBy(cas.getLast()).build());
        }
        HeldCertificate longLeaf = HeldCertificate.builder().commonName(HOST).dnsName(HOST).keyPair(leaf.keyPair())
                .validity(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(90))).signedBy(cas.getLast()).build();
        pem.append(longLeaf.certificatePem());
        for (int i = cas.size() - 1; i >= 0; i--) {
            pem.append(cas.get(i).certificatePem());
        }
        return pem.append(leaf.privateKeyPkcs8Pem()).toString();
    }

    /**
     * A leaf for the leaf's key, signed by the intermediate, whose only name is a CN that is a UTF8String of the bytes
     * FF FE: not UTF-8. The JDK parses such a certificate; reading the CN as text fails.
     */
    private String undecodableCommonNameLeaf() {
        try {
            org.bouncycastle.asn1.x500.X500Name subject = new org.bouncycastle.asn1.x500.X500NameBuilder(
                    org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE).addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN,
                    org.bouncycastle.asn1.ASN1Primitive.fromByteArray(new byte[] {0x0C, 0x02, (byte) 0xFF, (byte) 0xFE}))
                    .build();
            org.bouncycastle.asn1.x500.X500Name issuer = org.bouncycastle.asn1.x500.X500Name.getInstance(
                    pki.intermediate().certificate().getSubjectX500Principal().getEncoded());
            java.security.cert.X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                    .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(issuer,
                            java.math.BigInteger.valueOf(4242), java.util.Date.from(NOW.minus(Duration.ofHours(1))),
                            java.util.Date.from(NOW.plus(Duration.ofDays(90))), subject, leaf.keyPair().getPublic())
                            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                                    .build(pki.intermediate().privateKey())));
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] pkcs12() {
        return pki.pkcs12(leaf, PASSPHRASE);
    }

    private static byte[] der(HeldCertificate certificate) {
        try {
            return certificate.certificate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String randomPrintable(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            text.append((char) (0x20 + random.nextInt(0x7f - 0x20)));
        }
        return text.toString();
    }
}
