package io.certguard.simulator;

import static io.certguard.simulator.Fixtures.API_KEY;
import static io.certguard.simulator.Fixtures.API_KEY_SECRET;
import static io.certguard.simulator.Fixtures.DOMAIN;
import static io.certguard.simulator.Fixtures.HOST;
import static io.certguard.simulator.Fixtures.LIVE_EXPIRY;
import static io.certguard.simulator.Fixtures.NEW_EXPIRY;
import static io.certguard.simulator.Fixtures.UNKNOWN_DOMAIN;
import static io.certguard.simulator.Fixtures.WRONG_SECRET;
import static io.certguard.simulator.Fixtures.certificatePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.retry.RetryPolicy;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.twilio.TwilioAuthenticationException;
import io.certguard.twilio.TwilioException;
import io.certguard.twilio.TwilioNotFoundException;
import io.certguard.twilio.TwilioProtocolException;
import io.certguard.twilio.TwilioRateLimitedException;
import io.certguard.twilio.TwilioRejectedException;
import io.certguard.twilio.TwilioUnavailableException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** How {@link TwilioHttpClient} meets every {@link TwilioFault}: what it retries, how long it waits, what it throws. */
class TwilioHttpClientFaultsTest {

    private static final TestCertificates.Bundle NEW_CERT = TestCertificates.forHost(HOST, NEW_EXPIRY);
    private static final int RETRY_AFTER_SECONDS = 2;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private TwilioSimulator twilio;
    private TwilioHttpClient client;

    @BeforeEach
    void start() {
        twilio = TwilioSimulator.builder().acceptCredentials(API_KEY).slowDelay(Duration.ofSeconds(2))
                .retryAfterSeconds(RETRY_AFTER_SECONDS).build().start();
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY));
        client = ClientFixture.client(twilio, API_KEY, ClientFixture.THREE_ATTEMPTS, sleeper);
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    private TwilioHttpClient clientWith(RetryPolicy policy) {
        return ClientFixture.client(twilio, API_KEY, policy, sleeper);
    }

    /** For SLOW: each slow attempt costs the short timeout, a healthy one far less. */
    private TwilioHttpClient impatientClient(RetryPolicy policy) {
        return ClientFixture.client(twilio, API_KEY, policy, sleeper, ClientFixture.SHORT_TIMEOUT);
    }

    @Test
    void rateLimitedWithoutRetryAfterIsRetriedWithJitteredBackoff() {
        twilio.enqueueFault(TwilioFault.RATE_LIMITED).enqueueFault(TwilioFault.RATE_LIMITED);

        assertThat(client.fetchConfig(DOMAIN).domainSid()).isEqualTo(DOMAIN);
        // Full jitter with the fixed draw 0.5: half of 10 ms, then half of 20 ms.
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(twilio.requestCount()).isEqualTo(3);
    }

    @Test
    void retryAfterIsHonouredExactly() {
        twilio.enqueueFault(TwilioFault.RATE_LIMITED_RETRY_AFTER);

        assertThat(client.fetchConfig(DOMAIN).domainSid()).isEqualTo(DOMAIN);
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }

    @Test
    void rateLimitingThatOutlastsTheAttemptsIsReportedAsSuch() {
        twilio.faultRate(1.0, 1, TwilioFault.RATE_LIMITED);

        TwilioRateLimitedException e = catchThrowableOfType(TwilioRateLimitedException.class,
                () -> client.fetchConfig(DOMAIN));

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.twilioCode()).hasValue(20429);
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e).hasMessageContaining("after 3 attempts");
        assertThat(twilio.requestCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = TwilioFault.class, names = {"SERVER_ERROR", "SERVICE_UNAVAILABLE", "HTML_ERROR_PAGE"})
    void transientServerErrorsAreRetried(TwilioFault fault) {
        twilio.enqueueFault(fault);

        assertThat(client.fetchCertificate(DOMAIN).dateExpires()).hasValue(LIVE_EXPIRY);
        assertThat(sleeper.delays()).hasSize(1);
        assertThat(twilio.requestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SERVER_ERROR, 500, 20500", "SERVICE_UNAVAILABLE, 503, 20503"})
    void persistentServerErrorsEndUnavailableWithTheAttemptCount(TwilioFault fault, int status, int code) {
        twilio.faultRate(1.0, 1, fault);

        TwilioUnavailableException e = catchThrowableOfType(TwilioUnavailableException.class,
                () -> client.fetchConfig(DOMAIN));

        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.twilioCode()).hasValue(code);
        assertThat(e).hasMessageContaining("failed after 3 attempts").hasMessageContaining("HTTP " + status);
        assertThat(twilio.requestCount()).isEqualTo(3);
    }

    /**
     * A 5xx HTML page comes from a proxy or load balancer in front of Twilio, typically during a deployment or an
     * outage: transient like any 5xx, so it is retried and, if it persists, reported as unavailable (not as a protocol
     * error, which would say "fix your configuration").
     */
    @Test
    void persistentHtmlErrorPagesEndUnavailableNamingTheContentType() {
        twilio.faultRate(1.0, 1, TwilioFault.HTML_ERROR_PAGE);

        TwilioUnavailableException e = catchThrowableOfType(TwilioUnavailableException.class,
                () -> client.fetchConfig(DOMAIN));

        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.twilioCode()).isEmpty();
        assertThat(e).hasMessageContaining("text/html");
    }

    @Test
    void slowAnswerBeyondTheRequestTimeoutIsRetried() {
        twilio.enqueueFault(TwilioFault.SLOW);

        assertThat(impatientClient(ClientFixture.THREE_ATTEMPTS).fetchConfig(DOMAIN).domainSid()).isEqualTo(DOMAIN);
        assertThat(twilio.requestCount()).isEqualTo(2);
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void persistentSlownessEndsUnavailableWithTheTimeoutAsCause() {
        twilio.faultRate(1.0, 1, TwilioFault.SLOW);

        TwilioUnavailableException e = catchThrowableOfType(TwilioUnavailableException.class,
                () -> impatientClient(ClientFixture.THREE_ATTEMPTS).fetchConfig(DOMAIN));

        assertThat(e.httpStatus()).as("no response arrived").isZero();
        assertThat(e).hasCauseInstanceOf(HttpTimeoutException.class).hasMessageContaining("after 3 attempts");
        assertThat(twilio.requestCount()).isEqualTo(3);
    }

    @Test
    void droppedConnectionOnAnUploadIsRetried() {
        twilio.enqueueFault(TwilioFault.DROP_CONNECTION);

        assertThat(client.uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert())).certInValidation()).isPresent();
        assertThat(twilio.requestCount()).isEqualTo(2);
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void droppedConnectionReachesTheClientAsAnIOException() {
        twilio.enqueueFault(TwilioFault.DROP_CONNECTION);

        TwilioUnavailableException e = catchThrowableOfType(TwilioUnavailableException.class,
                () -> clientWith(RetryPolicy.none()).uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert())));

        assertThat(e.httpStatus()).isZero();
        assertThat(e.getCause()).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(e).hasMessageContaining("after 1 attempt ");
    }

    /**
     * java.net.http re-sends a GET once by itself when a connection closes without a response byte (JDK 25; older
     * JDKs only on pooled connections), so two drops cost a GET either one or two of the client's own attempts: three
     * requests in all either way.
     */
    @Test
    void droppedConnectionsOnAGetAreRetried() {
        twilio.enqueueFault(TwilioFault.DROP_CONNECTION).enqueueFault(TwilioFault.DROP_CONNECTION);

        assertThat(client.fetchConfig(DOMAIN).domainSid()).isEqualTo(DOMAIN);
        assertThat(twilio.requestCount()).isEqualTo(3);
        assertThat(sleeper.delays()).isNotEmpty();
    }

    @Test
    void unauthorizedIsNotRetriedAndNamesTheUserNotTheSecret() {
        twilio.enqueueFault(TwilioFault.UNAUTHORIZED);

        TwilioAuthenticationException e = catchThrowableOfType(TwilioAuthenticationException.class,
                () -> client.fetchConfig(DOMAIN));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.twilioCode()).hasValue(20003);
        assertThat(e).hasMessageContaining(Fixtures.API_KEY_SID).hasMessageNotContaining(API_KEY_SECRET);
        assertThat(twilio.requestCount()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailure() {
        TwilioHttpClient wrong = ClientFixture.client(twilio, WRONG_SECRET, ClientFixture.THREE_ATTEMPTS, sleeper);

        assertThatThrownBy(() -> wrong.fetchCertificate(DOMAIN)).isInstanceOf(TwilioAuthenticationException.class)
                .hasMessageNotContaining("not-the-secret");
        assertThat(twilio.requestCount()).as("no v1 fallback after a 401").isEqualTo(1);
    }

    @Test
    void unknownDomainIsNotFound() {
        TwilioNotFoundException config = catchThrowableOfType(TwilioNotFoundException.class,
                () -> client.fetchConfig(UNKNOWN_DOMAIN));
        TwilioNotFoundException certificate = catchThrowableOfType(TwilioNotFoundException.class,
                () -> client.fetchCertificate(UNKNOWN_DOMAIN));

        assertThat(config.httpStatus()).isEqualTo(404);
        assertThat(config.twilioCode()).hasValue(20404);
        assertThat(certificate).hasMessageContaining("/v1/").hasMessageContaining(UNKNOWN_DOMAIN.value());
        assertThat(twilio.requestCount()).as("config once, certificate on v2 then v1").isEqualTo(3);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void refusedCertificateIsRejectedWithCode30132AndNotRetried() {
        String badBundle = NEW_CERT.certificatePem(); // no key

        TwilioRejectedException e = catchThrowableOfType(TwilioRejectedException.class,
                () -> client.uploadCertificate(DOMAIN, new TlsCertPayload(badBundle)));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.twilioCode()).hasValue(30132);
        assertThat(e).hasMessageContaining("Certificate cannot be validated").hasMessageNotContaining("BEGIN");
        assertThat(twilio.requestCount()).isEqualTo(1);
    }

    @Test
    void invalidJsonIsAProtocolErrorAndNotRetried() {
        twilio.enqueueFault(TwilioFault.INVALID_JSON);

        TwilioProtocolException e = catchThrowableOfType(TwilioProtocolException.class,
                () -> client.fetchCertificate(DOMAIN));

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e).hasMessageContaining("unexpected response body");
        assertThat(twilio.requestCount()).isEqualTo(1);
    }

    @Test
    void redirectIsAProtocolErrorNamingTheTarget() {
        twilio.enqueueFault(TwilioFault.REDIRECT);

        TwilioProtocolException e = catchThrowableOfType(TwilioProtocolException.class,
                () -> client.fetchConfig(DOMAIN));

        assertThat(e.httpStatus()).isEqualTo(302);
        assertThat(e).hasMessageContaining("https://www.twilio.com/login").hasMessageContaining("base URL");
        assertThat(twilio.requestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterBeyondTheElapsedBudgetEndsAtOnce() {
        RetryPolicy oneSecondBudget = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1));
        twilio.enqueueFault(TwilioFault.RATE_LIMITED_RETRY_AFTER);

        TwilioRateLimitedException e = catchThrowableOfType(TwilioRateLimitedException.class,
                () -> clientWith(oneSecondBudget).fetchConfig(DOMAIN));

        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(RETRY_AFTER_SECONDS));
        assertThat(e).hasMessageContaining("after 1 attempt ");
        assertThat(sleeper.delays()).isEmpty();
        assertThat(twilio.requestCount()).isEqualTo(1);
    }

    @Test
    void slowAttemptsStopAtTheElapsedBudgetLongBeforeTheAttemptLimit() {
        RetryPolicy manyAttemptsShortBudget = new RetryPolicy(50, Duration.ZERO, Duration.ZERO, Duration.ofMillis(1200));
        twilio.faultRate(1.0, 1, TwilioFault.SLOW);

        TwilioUnavailableException e = catchThrowableOfType(TwilioUnavailableException.class,
                () -> impatientClient(manyAttemptsShortBudget).fetchConfig(DOMAIN));

        // Each attempt waits out the 500 ms request timeout, so a 1.2 s budget admits only a few.
        int requests = twilio.requestCount();
        assertThat(requests).isLessThan(manyAttemptsShortBudget.maxAttempts());
        assertThat(e).hasMessageContaining("failed after " + requests + " attempts");
    }

    @Test
    void survivesRandomTransientFaults() {
        RetryPolicy sixAttempts = new RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5));
        twilio.faultRate(0.3, 2026, TwilioFault.RATE_LIMITED, TwilioFault.SERVER_ERROR, TwilioFault.SERVICE_UNAVAILABLE,
                TwilioFault.DROP_CONNECTION, TwilioFault.HTML_ERROR_PAGE);
        TwilioHttpClient patient = clientWith(sixAttempts);

        for (int i = 0; i < 20; i++) {
            assertThat(patient.fetchCertificate(DOMAIN).dateExpires()).hasValue(LIVE_EXPIRY);
        }
        assertThat(twilio.requestCount()).as("some faults were met").isGreaterThan(20);
    }

    @ParameterizedTest
    @EnumSource(TwilioFault.class)
    void noFailureMessageCarriesTheSecretOrTheCertificate(TwilioFault fault) {
        twilio.faultRate(1.0, 1, fault);
        RetryPolicy twoAttempts = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));

        TwilioException e = catchThrowableOfType(TwilioException.class,
                () -> impatientClient(twoAttempts).uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert())));

        String pemLine = NEW_CERT.privateKeyPem().lines().skip(1).findFirst().orElseThrow();
        String basicToken = API_KEY.basicAuthorization().substring("Basic ".length());
        for (String text : everythingSaidAbout(e)) {
            assertThat(text).doesNotContain(API_KEY_SECRET, basicToken, "PRIVATE KEY", pemLine,
                    NEW_CERT.certificatePem().lines().skip(1).findFirst().orElseThrow());
        }
    }

    /** Messages and toString of the exception and all its causes. */
    private static List<String> everythingSaidAbout(Throwable e) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t));
            texts.add(Optional.ofNullable(t.getMessage()).orElse(""));
        }
        return texts;
    }

    @Test
    void requestsRecordedDuringFaultsShowNoSecrets() {
        twilio.enqueueFault(TwilioFault.SERVER_ERROR);
        client.uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert()));

        assertThat(twilio.requests()).hasSize(2).allSatisfy(request -> assertThat(request.toString())
                .doesNotContain(API_KEY_SECRET, "PRIVATE KEY").contains(certificatePath(DOMAIN)));
    }
}
