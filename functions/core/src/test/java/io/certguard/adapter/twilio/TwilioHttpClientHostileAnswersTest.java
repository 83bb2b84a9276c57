package io.certguard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.certguard.domain.DomainSid;
import io.certguard.retry.RetryPolicy;
import io.certguard.twilio.TwilioCredentials;
import io.certguard.twilio.TwilioRateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers the simulator cannot give, written byte by byte by {@link OneShotHttpServer}. */
class TwilioHttpClientHostileAnswersTest {

    private static final DomainSid DOMAIN = DomainSid.of("DN0123456789abcdef0123456789abcdef");
    private static final TwilioCredentials CREDENTIALS = TwilioCredentials.apiKey("AC0123456789abcdef0123456789abcdef",
            "SK0123456789abcdef0123456789abcdef", "secret");

    private final List<Duration> sleeps = new ArrayList<>();

    private TwilioHttpClient client(OneShotHttpServer server, Duration requestTimeout) {
        TwilioClientSettings settings = TwilioClientSettings.defaults(server.baseUri())
                .withTimeouts(Duration.ofMillis(500), requestTimeout)
                .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5)));
        return new TwilioHttpClient(settings, CREDENTIALS, sleeps::add, () -> 0.5);
    }

    /** The sum "elapsed + Retry-After" overflows once a second has passed, e.g. after a slow first answer. */
    @Test
    void anAbsurdRetryAfterEndsAsRateLimitedNotAsAnOverflow() throws Exception {
        String body = "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}";
        try (OneShotHttpServer server = OneShotHttpServer.answering("HTTP/1.1 429 Too Many Requests\r\n"
                + "Retry-After: 9223372036854775807\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body, Duration.ofMillis(1100), Duration.ofSeconds(5))) {

            TwilioRateLimitedException e = catchThrowableOfType(TwilioRateLimitedException.class,
                    () -> client(server, Duration.ofSeconds(2)).fetchConfig(DOMAIN));

            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(Long.MAX_VALUE));
            assertThat(e).hasMessageContaining("after 1 attempt ");
            assertThat(sleeps).isEmpty();
        }
    }
}
