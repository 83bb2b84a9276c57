package io.certguard.cli;

import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Certificate bundles made at test time from a throwaway PKI, written to files as a person would have them. */
public final class TestBundles {

    public static final String HOST = "links.example.com";
    public static final Instant NOW = CliHarness.T0;

    private static final Pattern PEM_BODY = Pattern.compile("-----BEGIN PRIVATE KEY-----\\s*(\\S+)");

    private final TestPki pki = TestPki.create(NOW, KeyKind.EC_P256);

    /** A leaf for {@link #HOST} (RSA 2048, the safe choice) valid from a day before {@link #NOW} for {@code days}. */
    public HeldCertificate leaf(int days) {
        return pki.leaf(HOST).key(KeyKind.RSA_2048).validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(days)))
                .build();
    }

    public TestPki pki() {
        return pki;
    }

    /** Leaf, intermediate, root, then the PKCS#8 key: what Twilio wants. */
    public String good(HeldCertificate leaf) {
        return pki.tlsCertPem(leaf);
    }

    /** The chain without the root and with the key missing: two ERROR findings. */
    public String broken(HeldCertificate leaf) {
        return leaf.certificatePem() + pki.intermediate().certificatePem();
    }

    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of the key's base64, which must never appear in any output. */
    public static String keyFragment(HeldCertificate leaf) {
        Matcher m = PEM_BODY.matcher(leaf.privateKeyPkcs8Pem());
        if (!m.find()) {
            throw new IllegalStateException("no PKCS#8 body");
        }
        return m.group(1).substring(0, 40);
    }
}
