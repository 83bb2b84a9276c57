package io.certguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

    private final EnvironmentVariables env = new EnvironmentVariables(
            Map.of("STATE_TABLE", " table ", "BLANK", "  ", "SCAN_CONCURRENCY", "8", "BAD_NUMBER", "-1", "UNDECLARED", "x"),
            Set.of("STATE_TABLE", "BLANK", "MISSING", "SCAN_CONCURRENCY", "BAD_NUMBER"));

    @Test
    void required_returnsTheStrippedValue_orNamesTheMissingVariable() {
        assertThat(env.required("STATE_TABLE")).isEqualTo("table");
        assertThatThrownBy(() -> env.required("MISSING"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("environment variable MISSING is not set");
    }

    @Test
    void optional_treatsBlankAsUnset() {
        assertThat(env.optional("BLANK")).isEmpty();
        assertThat(env.optional("MISSING")).isEmpty();
    }

    @Test
    void readingAnUndeclaredVariable_isAProgrammingError() {
        assertThatThrownBy(() -> env.optional("UNDECLARED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not declared");
    }

    @Test
    void positiveInt_parsesDefaultsAndRejects() {
        assertThat(env.positiveInt("SCAN_CONCURRENCY", 16)).isEqualTo(8);
        assertThat(env.positiveInt("MISSING", 16)).isEqualTo(16);
        assertThatThrownBy(() -> env.positiveInt("BAD_NUMBER", 16))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("BAD_NUMBER must be a positive whole number, was \"-1\"");
    }
}
