package io.certguard.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Bounded retries with exponential backoff and full jitter (delay drawn uniformly from [0, min(cap, base × 2^n)], as in
 * AWS's "Exponential Backoff and Jitter"), bounded both by attempts and by total elapsed time. A server's
 * {@code Retry-After} hint replaces the drawn delay.
 *
 * @param maxAttempts total attempts including the first (at least 1)
 * @param baseDelay   the backoff unit
 * @param maxDelay    the cap on one backoff delay
 * @param maxElapsed  no new attempt starts when it would begin later than this after the first one
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxElapsed) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxElapsed, "maxElapsed");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxElapsed.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** Four attempts, 250 ms unit, 5 s cap, 20 s in all: fits a scan of many domains inside a Lambda invocation. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    /** No retries: one attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The delay before the next attempt, or empty when the budget is spent.
     *
     * @param attemptsMade attempts made so far (1 after the first)
     * @param elapsed      time since the first attempt started
     * @param retryAfter   the server's hint, if any
     * @param random       a source of uniform values in [0, 1)
     */
    public Optional<Duration> nextDelay(int attemptsMade, Duration elapsed, Optional<Duration> retryAfter,
            DoubleSupplier random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = retryAfter.orElseGet(() -> jitter(attemptsMade, random));
        // Compared as "delay > time left", not "elapsed + delay > maxElapsed": a server's Retry-After can be as large
        // as Long.MAX_VALUE seconds, and the sum would overflow.
        if (delay.compareTo(maxElapsed.minus(elapsed)) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private Duration jitter(int attemptsMade, DoubleSupplier random) {
        long base = baseDelay.toMillis();
        int shift = Math.min(attemptsMade - 1, 30);
        long ceiling = Math.min(maxDelay.toMillis(), base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift);
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }
}
