package io.certguard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.certguard.domain.DomainSid;
import io.certguard.retry.RetryPolicy;
import io.certguard.twilio.TwilioCredentials;
import io.certguard.twilio.TwilioRateLimitedException;
import io.certguard.twilio.TwilioUnavailableException;
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

    /**
     * The request timeout only covers the wait for the response headers; a body that stalls after them is bounded by
     * the client's own wait, which must then abandon the exchange so the connection does not stay open.
     */
    @Test
    void aStalledBodyTimesOutAndTheConnectionIsClosed() throws Exception {
        try (OneShotHttpServer server = OneShotHttpServer.answering("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"domain_sid\": ", Duration.ZERO,
                Duration.ofSeconds(5))) {
            TwilioClientSettings settings = TwilioClientSettings.defaults(server.baseUri())
                    .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)).withRetry(RetryPolicy.none());

            TwilioUnavailableException e = catchThrowableOfType(TwilioUnavailableException.class,
                    () -> new TwilioHttpClient(settings, CREDENTIALS, sleeps::add, () -> 0.5).fetchConfig(DOMAIN));

            assertThat(e).hasMessageContaining("no complete response within 2000 ms");
            assertThat(server.clientClosedConnection(Duration.ofSeconds(6))).as("connection closed by the client").isTrue();
        }
    }
}
