package io.certguard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
class TwilioHttpClientRetryAfterTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-27T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(TwilioHttpClient.parseRetryAfter("7", NOW)).hasValue(Duration.ofSeconds(7));
        assertThat(TwilioHttpClient.parseRetryAfter(" 0 ", NOW)).hasValue(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(TwilioHttpClient.parseRetryAfter("Fri, 27 Nov 2026 10:00:30 GMT", NOW)).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansRetryNow() {
        assertThat(TwilioHttpClient.parseRetryAfter("Fri, 27 Nov 2026 09:59:00 GMT", NOW)).hasValue(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.5", "soon", "99999999999999999999", "2026-11-27T10:00:30Z"})
    void ignoresWhatItCannotRead(String value) {
        assertThat(TwilioHttpClient.parseRetryAfter(value, NOW)).isEmpty();
    }
}
