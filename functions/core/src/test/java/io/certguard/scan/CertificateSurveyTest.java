package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateSurveyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static Stream<Arguments> days() {
        return Stream.of(
                Arguments.of("exactly 14 days", NOW.plusSeconds(14 * 86_400), 14),
                Arguments.of("one second short of 14 days", NOW.plusSeconds(14 * 86_400 - 1), 13),
                Arguments.of("expires now", NOW, 0),
                Arguments.of("expired one second ago", NOW.minusSeconds(1), -1),
                Arguments.of("expired a day ago", NOW.minusSeconds(86_400), -1),
                Arguments.of("expired a day and a second ago", NOW.minusSeconds(86_401), -2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("days")
    void daysLeftRoundTowardNegativeInfinity(String name, Instant expires, long expected) {
        assertThat(CertificateSurvey.daysBetween(NOW, expires)).isEqualTo(expected);
    }
}
