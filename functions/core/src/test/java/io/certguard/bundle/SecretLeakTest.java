package io.certguard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.testing.LeakDetector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets never leak: for every secret of the test corpus, no finding message, {@code toString} or exception of
 * reading and validating it contains a piece of a private key (16 base64 characters, or 16 bytes as hex) or a
 * passphrase.
 */
class SecretLeakTest {

    private static final int BASE64_WINDOW = 16;
    private static final int HEX_WINDOW = 32;
    private static final String THREW = "(threw)";
    private static final List<String> PASSPHRASES = List.of(Bundles.PASSPHRASE, Bundles.WRONG_PASSPHRASE);

    @Test
    void noMessageToStringOrExceptionOfTheCorpusCarriesKeyMaterialOrAPassphrase() {
        List<BundleCase> corpus = corpus();
        int keysSeen = 0;
        for (BundleCase row : corpus) {
            LeakDetector secrets = keyFragments(row.secret());
            keysSeen += secrets.secrets() > 1 ? 1 : 0;
            List<String> outputs = outputs(row);
            for (String output : outputs) {
                assertThat(leaks(output, secrets)).as("%s leaks in: %s", row.name(), output).isFalse();
            }
            assertThat(outputs).as("reading or validating %s must not throw", row.name()).doesNotContain(THREW);
        }
        assertThat(keysSeen).as("rows with a private key").isGreaterThan(100);
        assertThat(corpus).hasSizeGreaterThan(150);
    }

    @Test
    void theScanFindsALeakWhenThereIsOne() {
        BundleCase row = BundleCase.of("leaky", BundleCase.Secret.text(Bundles.bundle(Bundles.LEAF)));
        LeakDetector secrets = keyFragments(row.secret());
        String body = Bundles.base64Of(Bundles.LEAF.privateKeyPkcs8Pem());

        // Offsets in the private exponent and primes, past the public modulus.
        assertThat(leaks("error near " + body.substring(800, 820), secrets)).isTrue();
        assertThat(leaks("bytes " + HexFormat.of().formatHex(Bundles.LEAF.privateKey().getEncoded(), 600, 620),
                secrets)).isTrue();
        assertThat(leaks("passphrase was " + Bundles.PASSPHRASE, secrets)).isTrue();
        assertThat(leaks(Bundles.bundle(Bundles.LEAF).substring(0, 1500), secrets)).as("certificates are public")
                .isFalse();
    }

    /** Every secret of the tables, and every input form of the payload tests. */
    private static List<BundleCase> corpus() {
        List<BundleCase> corpus = new ArrayList<>(BundleInputTest.rows());
        corpus.addAll(BundleValidatorTest.rows());
        Stream.concat(BundleValidatorTest.inputsOfTheCanonicalBundle(), BundleValidatorTest.everyOrderOfChainAndKey())
                .forEach(arguments -> corpus.add(BundleCase.of((String) arguments.get()[0],
                        BundleCase.Secret.text((String) arguments.get()[1]))));
        return corpus;
    }

    /**
     * All that reading and validating one secret shows: messages, toStrings, and the stack trace (messages and
     * causes) of any exception, followed by {@link #THREW}.
     */
    private static List<String> outputs(BundleCase row) {
        List<String> outputs = new ArrayList<>();
        try {
            BundleInput input = row.input();
            outputs.add(input.toString());
            input.privateKey().ifPresent(key -> outputs.add(key.toString()));
            input.findings().forEach(f -> outputs.add(f.toString()));
            BundleReport report = BundleValidator.validate(input, row.context());
            outputs.add(report.toString());
            report.findings().forEach(f -> outputs.add(f.message()));
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            outputs.add(trace.toString());
            outputs.add(THREW);
        }
        return outputs;
    }

    /**
     * Every private key in the secret (any form, in 16-character base64 and 16-byte hex windows), and for binary
     * secrets the raw bytes themselves; the passphrases of the tables.
     */
    private static LeakDetector keyFragments(BundleCase.Secret secret) {
        LeakDetector detector = new LeakDetector(BASE64_WINDOW, HEX_WINDOW);
        PASSPHRASES.forEach(p -> detector.phrase("passphrase", p));
        String text = PemScanner.normalizeLineBreaks(secret.asText());
        if (text.contains("PRIVATE KEY-----")) {
            detector.pem("key", text);
        } else if (secret instanceof BundleCase.Secret.Bytes(byte[] raw) && !text.contains("-----BEGIN")) {
            detector.bytes("binary secret", raw);
        }
        return detector;
    }

    private static boolean leaks(String output, LeakDetector secrets) {
        return secrets.find(output).isPresent();
    }
}
