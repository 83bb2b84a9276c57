package io.certguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.certguard.bundle.BundleInput;
import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.ValidationContext;
import io.certguard.hostile.HostileSeeds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of the certificate-bundle reader and validator: a secret's value, as
 * SecretBinary ({@link BundleInput#fromBytes}) and as SecretString ({@link BundleInput#fromText}), always gives a
 * report and never an exception ({@link ParserErrors}: bundles refuse nothing, every problem is a finding). An
 * uploadable report's payload is what Twilio takes: an unencrypted PKCS#8 key and LF line endings. Seeds: the
 * secrets of {@code hostile/secrets/}, with keys and certificates from a fresh test PKI.
 */
class BundleFuzzTest {

    private static final ValidationContext CONTEXT =
            ValidationContext.of(HostileSeeds.SECRETS_HOST, HostileSeeds.SECRETS_NOW, Duration.ofDays(14));

    static Stream<Arguments> seeds() {
        return Seeds.of(HostileSeeds.secrets());
    }

    @MethodSource("seeds")
    // No line breaks among the entries: Jazzer 0.30.0 writes whitespace unescaped into libFuzzer's one-per-line file.
    @DictionaryEntries({"-----BEGIN ", "-----END ", "CERTIFICATE-----", "PRIVATE KEY-----", "RSA PRIVATE KEY-----",
            "EC PRIVATE KEY-----", "ENCRYPTED PRIVATE KEY-----", "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-256-CBC,",
            "\"certificate\"", "\"chain\"", "\"certificateChain\"", "\"privateKey\"", "\"privateKeyPassphrase\"",
            "\"domainSid\"", "\\n", "\ufeff"})
    @FuzzTest(maxDuration = "30s")
    void secret(byte[] secret) {
        check(BundleInput.fromBytes(secret));
        check(BundleInput.fromText(new String(secret, StandardCharsets.UTF_8)));
    }

    private static void check(BundleInput input) {
        BundleReport report = BundleValidator.validate(input, CONTEXT);
        if (report instanceof BundleReport.Uploadable uploadable) {
            assertThat(uploadable.payload().pem()).contains("-----BEGIN PRIVATE KEY-----")
                    .doesNotContain("ENCRYPTED").doesNotContain("\r");
        }
    }
}
