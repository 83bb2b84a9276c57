package io.certguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.domain.DomainSid;
import io.certguard.retry.RetryPolicy;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.twilio.TwilioCredentials;
import io.certguard.twilio.TwilioDomains;
import io.certguard.twilio.TwilioException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code hostile/twilio/} is a raw HTTP response ({@code NAME.http}) served on loopback by
 * {@link CannedHttpServer} to the real {@link TwilioHttpClient} (no retries, short timeouts), for the call the
 * {@code call:} line names (default {@code fetchConfig}). The outcome is the {@link TwilioException} subtype and
 * message the expect file names, or the mapped resource with {@code field.PATH:} values. Nothing thrown may carry the
 * credentials' secret. Any other exception fails the case.
 */
class HostileTwilioTest {

    static final DomainSid DOMAIN = DomainSid.of("DN0123456789abcdef0123456789abcdef");
    private static final String API_KEY_SECRET = "corpus-api-key-secret-5e1d";
    private static final TwilioCredentials CREDENTIALS = TwilioCredentials.apiKey(
            "AC0123456789abcdef0123456789abcdef", "SK0123456789abcdef0123456789abcdef", API_KEY_SECRET);

    static Stream<String> cases() {
        return HostileCorpus.names("twilio");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachResponseEndsInItsExpectedOutcome(String name) throws Exception {
        HostileCorpus.Case c = HostileCorpus.named("twilio", name);
        byte[] response = CannedHttpServer.wire(HostileCorpus.render(c.inputBytes(), placeholder -> {
            if (!placeholder.equals("length")) {
                throw new IllegalArgumentException("unknown placeholder {{" + placeholder + "}}");
            }
            return "{{length}}"; // filled in by CannedHttpServer.wire, once the body is known
        }));
        Duration hold = Duration.ofMillis(Long.parseLong(c.expect().first("hold-ms").orElse("0")));

        try (CannedHttpServer server = new CannedHttpServer(response, hold)) {
            TwilioClientSettings settings = TwilioClientSettings.defaults(server.baseUri())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).withRetry(RetryPolicy.none());
            TwilioDomains client = new TwilioHttpClient(settings, CREDENTIALS, delay -> { }, () -> 0.5);

            Object outcome;
            try {
                outcome = call(client, c.expect().first("call").orElse("fetchConfig"));
            } catch (TwilioException e) {
                outcome = e;
                assertThat(e.getMessage()).as("message of %s", c).doesNotContain(API_KEY_SECRET)
                        .doesNotContain(CREDENTIALS.basicAuthorization().substring(6));
            }

            Outcomes.check(c, outcome);
            assertThat(server.requestLines()).as("requests of %s", c).isNotEmpty();
        }
    }

    private static Object call(TwilioDomains client, String call) {
        return switch (call) {
            case "fetchConfig" -> client.fetchConfig(DOMAIN);
            case "fetchCertificate" -> client.fetchCertificate(DOMAIN);
            case "validateDns" -> client.validateDns(DOMAIN);
            case "uploadCertificate" -> client.uploadCertificate(DOMAIN, new TlsCertPayload("-----BEGIN CERTIFICATE-----"));
            case "requestManagedCertificate" -> client.requestManagedCertificate(DOMAIN);
            default -> throw new IllegalArgumentException("unknown call: " + call);
        };
    }
}
