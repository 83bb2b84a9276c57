package io.certguard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of a table: a secret, the context to validate it in, and the findings expected, in order. Shared by the
 * tables and by the tests that run over all their rows (code coverage, secret leaks).
 */
record BundleCase(String name, Secret secret, ValidationContext context, List<Expect> expected) {

    BundleCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(context, "context");
        expected = List.copyOf(expected);
    }

    static BundleCase of(String name, Secret secret, Expect... expected) {
        return new BundleCase(name, secret, Bundles.CONTEXT, List.of(expected));
    }

    static BundleCase of(String name, Secret secret, ValidationContext context, Expect... expected) {
        return new BundleCase(name, secret, context, List.of(expected));
    }

    BundleInput input() {
        return secret.read();
    }

    @Override
    public String toString() {
        return name;
    }

    /** The secret's value: SecretString or SecretBinary. */
    sealed interface Secret {

        BundleInput read();

        /** The raw text, for scanning it for key material. */
        String asText();

        static Secret text(String value) {
            return new Text(value);
        }

        static Secret bytes(byte[] value) {
            return new Bytes(value);
        }

        record Text(String value) implements Secret {
            @Override
            public BundleInput read() {
                return BundleInput.fromText(value);
            }

            @Override
            public String asText() {
                return value;
            }

            @Override
            public String toString() {
                return "Text[" + value.length() + " characters]";
            }
        }

        record Bytes(byte[] value) implements Secret {
            @Override
            public BundleInput read() {
                return BundleInput.fromBytes(value);
            }

            @Override
            public String asText() {
                return new String(value, StandardCharsets.ISO_8859_1);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Bytes other && Arrays.equals(value, other.value);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(value);
            }

            @Override
            public String toString() {
                return "Bytes[" + value.length + "]";
            }
        }
    }

    /** An expected finding: its code, and where given its severity, certificate index and exact message. */
    record Expect(FindingCode code, Severity severity, OptionalInt index, Optional<String> message) {

        static Expect expect(FindingCode code) {
            return new Expect(code, code.severity(), OptionalInt.empty(), Optional.empty());
        }

        static Expect expect(FindingCode code, String message) {
            return new Expect(code, code.severity(), OptionalInt.empty(), Optional.of(message));
        }

        static Expect expect(FindingCode code, int index) {
            return new Expect(code, code.severity(), OptionalInt.of(index), Optional.empty());
        }

        static Expect expect(FindingCode code, int index, String message) {
            return new Expect(code, code.severity(), OptionalInt.of(index), Optional.of(message));
        }

        Expect withSeverity(Severity other) {
            return new Expect(code, other, index, message);
        }
    }

    /** Asserts exactly the expected findings, in order, with the severities, indices and messages given. */
    static void assertFindings(List<Finding> actual, List<Expect> expected) {
        assertThat(actual).extracting(Finding::code).as("finding codes of %s", actual)
                .containsExactlyElementsOf(expected.stream().map(Expect::code).toList());
        for (int i = 0; i < expected.size(); i++) {
            Expect e = expected.get(i);
            Finding f = actual.get(i);
            assertThat(f.severity()).as("severity of %s", f).isEqualTo(e.severity());
            if (e.index().isPresent()) {
                assertThat(f.certificateIndex()).as("certificate index of %s", f).isEqualTo(e.index());
            }
            e.message().ifPresent(message -> assertThat(f.message()).as("message of %s", f.code()).isEqualTo(message));
        }
    }
}
