package io.certguard.bundle;

import io.certguard.json.Json;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.HeldCertificateBuilder;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Test bundles, all generated at run time from a throwaway PKI (io.certguard.testpki): root → intermediate → leaf for
 * {@link #HOST}, and the variants the tables need. Leaves reuse {@link #LEAF}'s key pair unless a test needs another
 * key, since generating RSA keys is the slow part.
 */
final class Bundles {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String HOST = "links.example.com";
    static final Duration THRESHOLD = Duration.ofDays(14);
    static final ValidationContext CONTEXT = ValidationContext.of(HOST, NOW, THRESHOLD);
    static final String PASSPHRASE = "correct horse battery staple";
    static final String WRONG_PASSPHRASE = "Tr0ub4dor&3";

    static final String LEAF_NAME = "CN=" + HOST;
    static final String INTERMEDIATE_NAME = "CN=certguard Test Intermediate";
    static final String ROOT_NAME = "CN=certguard Test Root";

    static final TestPki PKI = TestPki.create(NOW);
    static final HeldCertificate LEAF = PKI.leaf(HOST, NOW, NOW.plus(Duration.ofDays(90)));
    static final KeyPair LEAF_KEYS = LEAF.keyPair();
    /** Another leaf for the same host, with its own key. */
    static final HeldCertificate OTHER_LEAF = PKI.leaf(HOST, NOW, NOW.plus(Duration.ofDays(90)));
    static final HeldCertificate EC_LEAF = PKI.leaf(HOST).key(KeyKind.EC_P256).validFor(NOW, Duration.ofDays(90)).build();

    private Bundles() {
    }

    /** A leaf for {@link #HOST} from the test intermediate, valid for 90 days, with {@link #LEAF}'s key. */
    static HeldCertificateBuilder leaf() {
        return PKI.leaf(HOST).keyPair(LEAF_KEYS).validFor(NOW, Duration.ofDays(90));
    }

    /** The certificates' PEM, concatenated in the order given. */
    static String certs(HeldCertificate... certificates) {
        return String.join("", Arrays.stream(certificates).map(HeldCertificate::certificatePem).toList());
    }

    /** Leaf, intermediate, root. */
    static String chain(HeldCertificate leaf) {
        return PKI.chainPem(leaf);
    }

    /** The canonical {@code TlsCert} bundle: leaf, intermediate, root, PKCS#8 key. */
    static String bundle(HeldCertificate leaf) {
        return PKI.tlsCertPem(leaf);
    }

    static String intermediateAndRoot() {
        return certs(PKI.intermediate(), PKI.root());
    }

    /** A JSON object from name/value pairs (values: strings or anything {@link Json#write} takes). */
    static String json(Object... nameValuePairs) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            members.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return Json.write(members);
    }

    /** A PEM block with any label around any bytes. */
    static String pem(String label, byte[] der) {
        return Pem.encode(label, der);
    }

    static byte[] der(HeldCertificate certificate) {
        try {
            return certificate.certificate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate with the last byte of its signature flipped: it still parses, but no longer verifies. */
    static String withCorruptSignature(HeldCertificate certificate) {
        byte[] der = der(certificate);
        der[der.length - 1] ^= 0x01;
        return pem("CERTIFICATE", der);
    }

    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded content of every PEM block in {@code text} whose label contains {@code labelPart}. */
    static List<byte[]> blockContents(String text, String labelPart) {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            List<byte[]> contents = new java.util.ArrayList<>();
            for (var block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                if (block.getType().contains(labelPart)) {
                    contents.add(block.getContent());
                }
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 between the BEGIN and END lines of a single-block PEM, without line breaks. */
    static String base64Of(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
    }

    /** A PKCS#12 file (as Windows and Java key stores export them) with the leaf, its chain and key. */
    static byte[] pkcs12(HeldCertificate leaf) {
        return PKI.pkcs12(leaf, PASSPHRASE);
    }

    static String base64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    /** 1-based number of the line of {@code text} on which {@code needle} first occurs. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new IllegalArgumentException("not found: " + needle);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
