package io.certguard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String THREW = "(threw)";
    private static final List<String> PASSPHRASES = List.of(Bundles.PASSPHRASE, Bundles.WRONG_PASSPHRASE);

    @Test
    void noMessageToStringOrExceptionOfTheCorpusCarriesKeyMaterialOrAPassphrase() {
        List<BundleCase> corpus = corpus();
        int keysSeen = 0;
        for (BundleCase row : corpus) {
            Set<String> secrets = keyFragments(row.secret());
            keysSeen += secrets.isEmpty() ? 0 : 1;
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
        Set<String> secrets = keyFragments(row.secret());
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
     * Windows of every private key in the secret: the base64 of each key block (any form: PKCS#8, PKCS#1, SEC1,
     * encrypted), its bytes as hex, and for binary secrets the raw bytes themselves; less whatever also occurs in the
     * secret's other blocks, which are public (a key and its certificate share the modulus and algorithm identifiers).
     */
    private static Set<String> keyFragments(BundleCase.Secret secret) {
        Set<String> fragments = new HashSet<>();
        Set<String> publicFragments = new HashSet<>();
        String text = PemScanner.normalizeLineBreaks(secret.asText());
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            addBlockWindows(block.group(1).contains("PRIVATE KEY") ? fragments : publicFragments, block.group(2));
        }
        if (secret instanceof BundleCase.Secret.Bytes(byte[] raw) && !text.contains("-----BEGIN")) {
            addWindows(fragments, HexFormat.of().formatHex(raw), HEX_WINDOW);
            addWindows(fragments, Base64.getEncoder().encodeToString(raw), BASE64_WINDOW);
        }
        fragments.removeAll(publicFragments);
        return fragments;
    }

    private static void addBlockWindows(Set<String> windows, String content) {
        String base64 = content.lines().filter(line -> !line.contains(":"))
                .map(line -> line.replaceAll("\\s+", "")).reduce("", String::concat);
        addWindows(windows, base64, BASE64_WINDOW);
        try {
            addWindows(windows, HexFormat.of().formatHex(Base64.getDecoder().decode(base64)), HEX_WINDOW);
        } catch (IllegalArgumentException damaged) {
            // a deliberately damaged block: its base64 windows are enough
        }
    }

    private static void addWindows(Set<String> windows, String s, int width) {
        for (int i = 0; i + width <= s.length(); i++) {
            windows.add(s.substring(i, i + width));
        }
    }

    private static boolean leaks(String output, Set<String> keyFragments) {
        if (PASSPHRASES.stream().anyMatch(output::contains)) {
            return true;
        }
        String compactHex = output.replace(":", "").toLowerCase(Locale.ROOT);
        for (String candidate : List.of(output, compactHex)) {
            for (int width : new int[] {BASE64_WINDOW, HEX_WINDOW}) {
                for (int i = 0; i + width <= candidate.length(); i++) {
                    if (keyFragments.contains(candidate.substring(i, i + width))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
