package io.certguard.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the project's files and the reference data in ../shared that tests may use. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The repository root: system property {@code certguard.projectRoot} (set by the parent pom), else found upwards. */
    public static Path root() {
        String configured = System.getProperty("certguard.projectRoot", "");
        if (!configured.isBlank() && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (template.yaml) from " + Path.of("").toAbsolutePath());
    }

    /**
     * A reference file or directory from ../shared, named by a system property that .ci/run sets through the parent pom
     * (for example {@code certguard.samSchema}); empty when not configured or absent.
     */
    public static Optional<Path> sharedData(String systemProperty) {
        String value = System.getProperty(systemProperty, "");
        if (value.isBlank() || value.startsWith("${")) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** A sample event from the project's events/ folder (the same files `sam local invoke -e` takes). */
    public static String event(String fileName) {
        try {
            return Files.readString(root().resolve("events").resolve(fileName));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read events/" + fileName, e);
        }
    }

    /** True on CI, where missing reference data or emulators are failures, not skips. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
