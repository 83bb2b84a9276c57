package io.certguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.bundle.BundleInput;
import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.Finding;
import io.certguard.bundle.ValidationContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code hostile/secrets/} is read as a secret ({@link BundleInput#fromText} or
 * {@link BundleInput#fromBytes}) and validated ({@link BundleValidator#validate}); the report must be the one its
 * {@code .expect} file names: {@code outcome:} Rejected or Uploadable, {@code findings:} the exact codes in report
 * order, every {@code message-contains:} in some finding's message. No finding and no {@code toString} may carry the
 * passphrase or a piece of the private key. Any exception fails the case.
 *
 * <p>Run with {@code -Dcertguard.hostile.print=true} to print each case's actual outcome in the expect format.
 */
class HostileSecretsTest {

    private static final ValidationContext CONTEXT =
            ValidationContext.of(SecretMaterial.HOST, SecretMaterial.NOW, Duration.ofDays(14));

    private static SecretMaterial material;

    @BeforeAll
    static void generateKeysAndCertificates() {
        material = new SecretMaterial();
    }

    static Stream<String> cases() {
        return HostileCorpus.names("secrets");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachSecretYieldsItsExpectedFindings(String name) {
        HostileCorpus.Case c = HostileCorpus.named("secrets", name);

        BundleInput input = read(c);
        BundleReport report = BundleValidator.validate(input, CONTEXT);

        List<String> codes = report.findings().stream().map(f -> f.code().name()).toList();
        if (Boolean.getBoolean("certguard.hostile.print")) {
            System.out.println("[" + name + "]\noutcome: " + report.getClass().getSimpleName() + "\nfindings: "
                    + String.join(", ", codes) + "\n" + String.join("\n", report.findings().stream().map(Finding::toString).toList()));
        }
        assertThat(report.getClass().getSimpleName()).as("outcome of %s: %s", c, report.findings())
                .isEqualTo(c.expect().required("outcome"));
        assertThat(codes).as("findings of %s: %s", c, report.findings()).isEqualTo(list(c.expect().required("findings")));
        for (String part : c.expect().all("message-contains")) {
            assertThat(report.findings()).as("a finding of %s mentions \"%s\"", c, part)
                    .anySatisfy(f -> assertThat(f.message()).contains(part));
        }
        if (report instanceof BundleReport.Uploadable uploadable) {
            assertThat(uploadable.payload().pem()).as("payload of %s", c).contains("-----BEGIN PRIVATE KEY-----")
                    .doesNotContain("ENCRYPTED").doesNotContain("\r");
        }
        String shown = report.findings().stream().map(Finding::toString).reduce("", String::concat) + input + report;
        for (String secret : material.secrets()) {
            assertThat(shown).as("findings and toString of %s", c).doesNotContain(secret);
        }
    }

    private static BundleInput read(HostileCorpus.Case c) {
        return switch (material.input(c)) {
            case SecretMaterial.Generated.Text text -> BundleInput.fromText(text.value());
            case SecretMaterial.Generated.Bytes bytes -> BundleInput.fromBytes(bytes.value());
        };
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }
}
