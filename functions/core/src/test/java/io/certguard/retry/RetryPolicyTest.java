package io.certguard.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static final DoubleSupplier ALMOST_ONE = () -> 0.999_999;
    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofSeconds(10));

    @ParameterizedTest(name = "after attempt {0} the ceiling is {1} ms")
    @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800"})
    void backoffDoublesPerAttemptUpToTheCap(int attemptsMade, long ceilingMillis) {
        assertThat(POLICY.nextDelay(attemptsMade, Duration.ZERO, Optional.empty(), ALMOST_ONE))
                .hasValue(Duration.ofMillis(ceilingMillis - 1));
    }

    @Test
    void capLimitsLongRuns() {
        RetryPolicy many = new RetryPolicy(100, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofDays(1));

        assertThat(many.nextDelay(5, Duration.ZERO, Optional.empty(), ALMOST_ONE)).hasValue(Duration.ofMillis(999));
        assertThat(many.nextDelay(80, Duration.ZERO, Optional.empty(), ALMOST_ONE)).hasValue(Duration.ofMillis(999));
    }

    @Test
    void fullJitterDrawsFromZeroToTheCeiling() {
        assertThat(POLICY.nextDelay(3, Duration.ZERO, Optional.empty(), () -> 0.0)).hasValue(Duration.ZERO);
        assertThat(POLICY.nextDelay(3, Duration.ZERO, Optional.empty(), () -> 0.5)).hasValue(Duration.ofMillis(200));
    }

    @Test
    void stopsAfterMaxAttempts() {
        assertThat(POLICY.nextDelay(4, Duration.ZERO, Optional.empty(), ALMOST_ONE)).isPresent();
        assertThat(POLICY.nextDelay(5, Duration.ZERO, Optional.empty(), ALMOST_ONE)).isEmpty();
    }

    @Test
    void stopsWhenTheNextAttemptWouldStartAfterMaxElapsed() {
        Duration retryAfter = Duration.ofSeconds(2);

        assertThat(POLICY.nextDelay(1, Duration.ofSeconds(8), Optional.of(retryAfter), ALMOST_ONE)).hasValue(retryAfter);
        assertThat(POLICY.nextDelay(1, Duration.ofMillis(8001), Optional.of(retryAfter), ALMOST_ONE)).isEmpty();
    }

    @Test
    void anAbsurdRetryAfterEndsTheRetriesInsteadOfOverflowing() {
        assertThat(POLICY.nextDelay(1, Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(Long.MAX_VALUE)), ALMOST_ONE))
                .isEmpty();
    }

    @Test
    void retryAfterReplacesTheDrawnDelayEvenAboveTheCap() {
        assertThat(POLICY.nextDelay(1, Duration.ZERO, Optional.of(Duration.ofSeconds(3)), ALMOST_ONE))
                .hasValue(Duration.ofSeconds(3));
    }

    @Test
    void noneMakesOneAttempt() {
        assertThat(RetryPolicy.none().nextDelay(1, Duration.ZERO, Optional.empty(), ALMOST_ONE)).isEmpty();
    }

    @Test
    void defaultsFitALambdaInvocation() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertThat(defaults.maxAttempts()).isEqualTo(4);
        assertThat(defaults.maxElapsed()).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RetryPolicy(1, null, Duration.ZERO, Duration.ZERO)).isInstanceOf(NullPointerException.class);
    }
}
