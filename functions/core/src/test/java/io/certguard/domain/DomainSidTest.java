package io.certguard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainSidTest {

    @Test
    void acceptsDnWith32HexDigitsAndStripsWhitespace() {
        assertThat(DomainSid.of(" DN0123456789abcdefABCDEF0123456789 ").value()).isEqualTo("DN0123456789abcdefABCDEF0123456789");
        assertThat(DomainSid.of("DN0123456789abcdef0123456789abcdef")).hasToString("DN0123456789abcdef0123456789abcdef");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DN", "dn0123456789abcdef0123456789abcdef", "DN0123456789abcdef0123456789abcde",
            "DN0123456789abcdef0123456789abcdef0", "CW0123456789abcdef0123456789abcdef", "DN0123456789abcdef0123456789abcdeg"})
    void refusesOtherText(String text) {
        assertThat(DomainSid.isValid(text)).isFalse();
        assertThatThrownBy(() -> DomainSid.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DN followed by 32 hex digits");
    }

    @Test
    void abbreviatesLongInputInTheMessage() {
        assertThatThrownBy(() -> DomainSid.of("x".repeat(500))).hasMessageContaining("…").hasMessageNotContaining("x".repeat(41));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> DomainSid.of(null)).isInstanceOf(NullPointerException.class);
        assertThat(DomainSid.isValid(null)).isFalse();
    }
}
