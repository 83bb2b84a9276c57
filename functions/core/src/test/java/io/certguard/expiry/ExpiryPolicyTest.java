package io.certguard.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final ExpiryPolicy policy = new ExpiryPolicy(AlarmThresholds.DEFAULT);

    static Stream<Arguments> boundaries() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int days : List.of(1, 3, 7, 14, 30)) {
            Duration at = Duration.ofDays(days);
            cases.add(Arguments.of(days + " days exactly", at, OptionalInt.of(days)));
            OptionalInt before = days == 30 ? OptionalInt.empty() : OptionalInt.of(nextLarger(days));
            cases.add(Arguments.of("one second before " + days + " days", at.plusSeconds(1), before));
        }
        cases.add(Arguments.of("expires right now", Duration.ZERO, OptionalInt.of(1)));
        cases.add(Arguments.of("expired a second ago", Duration.ofSeconds(-1), OptionalInt.of(1)));
        cases.add(Arguments.of("far away", Duration.ofDays(89), OptionalInt.empty()));
        return cases.build();
    }

    private static int nextLarger(int days) {
        return switch (days) {
            case 1 -> 3;
            case 3 -> 7;
            case 7 -> 14;
            case 14 -> 30;
            default -> throw new IllegalArgumentException();
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void crossesEachThresholdAtTheBoundaryAndNotASecondBefore(String name, Duration remaining, OptionalInt crossed) {
        assertThat(policy.assess(NOW.plus(remaining), NOW).crossed()).isEqualTo(crossed);
    }

    @Test
    void expiredOnlyAfterNotAfter_rfc5280IncludesTheInstantItself() {
        assertThat(policy.assess(NOW, NOW).expired()).isFalse();
        assertThat(policy.assess(NOW.minusSeconds(1), NOW).expired()).isTrue();
        assertThat(policy.assess(NOW.minusSeconds(1), NOW).daysLeft()).isEqualTo(-1);
        assertThat(policy.assess(NOW.plus(Duration.ofDays(13).plusHours(23)), NOW).daysLeft()).isEqualTo(13);
    }

    @Test
    void thresholdsParseSortAndReject() {
        assertThat(AlarmThresholds.parse("7, 30,1").days()).containsExactly(30, 7, 1);
        assertThat(AlarmThresholds.parse("").days()).containsExactly(30, 14, 7, 3, 1);
        assertThat(AlarmThresholds.parse("45").first()).isEqualTo(45);
        assertThatThrownBy(() -> AlarmThresholds.parse("30,x")).hasMessageContaining("\"x\" is not a whole number");
        assertThatThrownBy(() -> AlarmThresholds.parse("30,0")).hasMessageContaining("from 1 to 3650");
        assertThatThrownBy(() -> AlarmThresholds.parse("7,7")).hasMessageContaining("listed twice");
    }
}
