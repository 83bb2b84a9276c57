package io.certguard.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where Twilio's OpenAPI files are: system property {@code certguard.twilioSpecDir}, which the parent pom's surefire
 * configuration fills from env {@code CERTGUARD_TWILIO_SPEC_DIR} and {@code .ci/run} sets to {@code ../shared/twilio}.
 * Unset, the contract tests are skipped locally, but a CI run ({@code CI=true}) must not go green without them.
 */
final class TwilioSpecDirectory {

    static final String PROPERTY = "certguard.twilioSpecDir";
    static final List<String> FILES = List.of("twilio_messaging_v1.json", "twilio_messaging_v2.json");

    /** What to do: use the directory, skip with a reason, or fail with a reason. */
    sealed interface Resolution {
        record Found(Path directory) implements Resolution {
        }

        record Skip(String reason) implements Resolution {
        }

        record Fail(String reason) implements Resolution {
        }
    }

    private TwilioSpecDirectory() {
    }

    static Resolution fromEnvironment() {
        return resolve(System.getProperty(PROPERTY), System.getenv("CI"), System.getProperty("certguard.projectRoot"));
    }

    /**
     * @param configured  the property's value; Maven passes an unresolved {@code ${env.…}} literally when the variable
     *                    is unset, so that counts as unset
     * @param ci          env {@code CI}
     * @param projectRoot the repository root, against which a relative directory (as {@code .ci/run} gives) resolves
     */
    static Resolution resolve(String configured, String ci, String projectRoot) {
        if (configured == null || configured.isBlank() || configured.startsWith("${")) {
            String how = "set CERTGUARD_TWILIO_SPEC_DIR (system property " + PROPERTY
                    + ") to the folder holding " + String.join(" and ", FILES) + ", e.g. ../shared/twilio";
            return "true".equalsIgnoreCase(ci)
                    ? new Resolution.Fail("CI=true but the Twilio OpenAPI contract tests have no spec: " + how)
                    : new Resolution.Skip("Twilio OpenAPI contract tests skipped: " + how);
        }
        Path directory = Path.of(configured.strip());
        if (!directory.isAbsolute() && projectRoot != null && !projectRoot.isBlank() && !projectRoot.startsWith("${")) {
            directory = Path.of(projectRoot).resolve(directory);
        }
        Path found = directory.normalize();
        // Configured but wrong is a broken setup, never a reason to skip.
        Optional<String> missing = FILES.stream().filter(f -> !Files.isRegularFile(found.resolve(f))).findFirst();
        return missing.<Resolution>map(f -> new Resolution.Fail(PROPERTY + " is " + found + " but " + f + " is not there"))
                .orElseGet(() -> new Resolution.Found(found));
    }
}
