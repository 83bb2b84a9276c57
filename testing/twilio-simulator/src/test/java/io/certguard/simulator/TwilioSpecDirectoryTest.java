package io.certguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.simulator.TwilioSpecDirectory.Resolution;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract tests skip locally without a spec, but never on CI. */
class TwilioSpecDirectoryTest {

    @TempDir
    Path root;

    @Test
    void unsetSkipsLocally() {
        assertThat(TwilioSpecDirectory.resolve(null, null, null)).isInstanceOfSatisfying(Resolution.Skip.class,
                skip -> assertThat(skip.reason()).contains("CERTGUARD_TWILIO_SPEC_DIR", "twilio_messaging_v1.json"));
        assertThat(TwilioSpecDirectory.resolve("  ", "false", null)).isInstanceOf(Resolution.Skip.class);
    }

    @Test
    void unresolvedMavenPlaceholderCountsAsUnset() {
        assertThat(TwilioSpecDirectory.resolve("${env.CERTGUARD_TWILIO_SPEC_DIR}", null, null))
                .isInstanceOf(Resolution.Skip.class);
    }

    @Test
    void unsetFailsOnCi() {
        assertThat(TwilioSpecDirectory.resolve(null, "true", null)).isInstanceOfSatisfying(Resolution.Fail.class,
                fail -> assertThat(fail.reason()).startsWith("CI=true"));
        assertThat(TwilioSpecDirectory.resolve("${env.CERTGUARD_TWILIO_SPEC_DIR}", "TRUE", null))
                .isInstanceOf(Resolution.Fail.class);
    }

    @Test
    void relativeDirectoryResolvesAgainstTheProjectRoot() throws Exception {
        Path spec = Files.createDirectories(root.resolve("shared/twilio"));
        for (String file : TwilioSpecDirectory.FILES) {
            Files.writeString(spec.resolve(file), "{}");
        }
        Path project = Files.createDirectories(root.resolve("certguard"));

        assertThat(TwilioSpecDirectory.resolve("../shared/twilio", null, project.toString()))
                .isEqualTo(new Resolution.Found(spec));
    }

    @Test
    void configuredButIncompleteFailsEvenLocally() throws Exception {
        Files.writeString(root.resolve("twilio_messaging_v1.json"), "{}");

        assertThat(TwilioSpecDirectory.resolve(root.toString(), null, null)).isInstanceOfSatisfying(Resolution.Fail.class,
                fail -> assertThat(fail.reason()).contains("twilio_messaging_v2.json is not there"));
    }
}
