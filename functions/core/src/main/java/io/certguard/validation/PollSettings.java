package io.certguard.validation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How patiently uploads are followed.
 *
 * @param backoff       delays between polls while Twilio validates, the last one repeating (1, 2, 5, 10 minutes)
 * @param timeout       pending longer than this raises VALIDATION_TIMEOUT once ({@code VALIDATION_TIMEOUT_MINUTES})
 * @param slowInterval  the delay between polls after the timeout
 * @param hardLimit     pending longer than this: give up with a CRITICAL alarm (24 hours)
 * @param liveGrace     a validated certificate may take this long to be served ({@code LIVE_GRACE_MINUTES})
 * @param failuresBeforeAlarm polls in a row that cannot read Twilio before CHECK_FAILED
 */
public record PollSettings(List<Duration> backoff, Duration timeout, Duration slowInterval, Duration hardLimit,
        Duration liveGrace, int failuresBeforeAlarm) {

    public PollSettings {
        backoff = List.copyOf(backoff);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(slowInterval, "slowInterval");
        Objects.requireNonNull(hardLimit, "hardLimit");
        Objects.requireNonNull(liveGrace, "liveGrace");
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("at least one backoff delay is needed");
        }
        if (hardLimit.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("the hard limit must be longer than the validation timeout");
        }
    }

    public static PollSettings defaults() {
        return of(Duration.ofMinutes(30), Duration.ofMinutes(60));
    }

    /** The defaults with the two template parameters applied. */
    public static PollSettings of(Duration timeout, Duration liveGrace) {
        return new PollSettings(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofMinutes(10)), timeout, Duration.ofMinutes(30), Duration.ofHours(24), liveGrace, 3);
    }

    /** The delay after the given number of polls (0 after the upload). */
    public Duration delayAfter(int polls) {
        return backoff.get(Math.min(Math.max(polls, 0), backoff.size() - 1));
    }
}
