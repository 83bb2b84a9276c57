package io.certguard.simulator;

import static io.certguard.simulator.Fixtures.API_KEY;
import static io.certguard.simulator.Fixtures.DOMAIN;
import static io.certguard.simulator.Fixtures.HOST;
import static io.certguard.simulator.Fixtures.LIVE_EXPIRY;
import static io.certguard.simulator.Fixtures.NEW_EXPIRY;
import static io.certguard.simulator.Fixtures.certificatePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each {@link TwilioFault} as it appears on the wire, and how faults are scheduled. */
class TwilioSimulatorFaultsTest {

    private TwilioSimulator twilio;
    private RawHttp http;

    @BeforeEach
    void start() {
        twilio = simulator();
        http = RawHttp.as(twilio, API_KEY);
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    private static TwilioSimulator simulator() {
        TwilioSimulator simulator = TwilioSimulator.builder().acceptCredentials(API_KEY).retryAfterSeconds(3)
                .slowDelay(Duration.ofSeconds(1)).build().start();
        simulator.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY));
        return simulator;
    }

    @ParameterizedTest(name = "{0} -> HTTP {1}, Twilio error {2}")
    @CsvSource({
            "RATE_LIMITED, 429, 20429, Too Many Requests",
            "RATE_LIMITED_RETRY_AFTER, 429, 20429, Too Many Requests",
            "SERVER_ERROR, 500, 20500, Internal Server Error",
            "SERVICE_UNAVAILABLE, 503, 20503, Service Unavailable",
            "UNAUTHORIZED, 401, 20003, Authenticate",
            "CERTIFICATE_REJECTED, 400, 30132, Certificate cannot be validated"})
    void jsonErrorFaultsCarryTwiliosErrorBody(TwilioFault fault, int status, int code, String message) throws Exception {
        twilio.enqueueFault(fault);

        HttpResponse<String> response = http.get(certificatePath(DOMAIN));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse("{\"code\": " + code + ", \"message\": \"" + message
                + "\", \"more_info\": \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}"));
        assertThat(response.headers().firstValue("Retry-After"))
                .isEqualTo(fault == TwilioFault.RATE_LIMITED_RETRY_AFTER ? Optional.of("3") : Optional.empty());
    }

    @Test
    void htmlErrorPageIsA502InHtml() throws Exception {
        twilio.enqueueFault(TwilioFault.HTML_ERROR_PAGE);

        HttpResponse<String> response = http.get(certificatePath(DOMAIN));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).startsWith("<html>");
    }

    @Test
    void invalidJsonIsA200ThatDoesNotParse() throws Exception {
        twilio.enqueueFault(TwilioFault.INVALID_JSON);

        HttpResponse<String> response = http.get(certificatePath(DOMAIN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThatThrownBy(() -> Json.parse(response.body())).isInstanceOf(JsonFormatException.class);
    }

    @Test
    void redirectPointsElsewhere() throws Exception {
        twilio.enqueueFault(TwilioFault.REDIRECT);

        HttpResponse<String> response = http.get(certificatePath(DOMAIN));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://www.twilio.com/login");
    }

    @Test
    void dropConnectionClosesWithoutAResponse() {
        twilio.enqueueFault(TwilioFault.DROP_CONNECTION);

        // A POST: java.net.http re-sends a GET once on its own when a connection closes unanswered, never a POST.
        assertThatThrownBy(() -> http.postForm(certificatePath(DOMAIN), "TlsCert", "x")).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(twilio.requestCount()).isEqualTo(1);
    }

    @Test
    void slowAnswersAfterTheDelaySoAShortTimeoutFires() throws Exception {
        twilio.enqueueFault(TwilioFault.SLOW);
        RawHttp impatient = new RawHttp(twilio.baseUri(), Optional.of(API_KEY), Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.get(certificatePath(DOMAIN))).isInstanceOf(HttpTimeoutException.class);
        assertThat(http.get(certificatePath(DOMAIN)).statusCode()).as("the fault was used up").isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        RawHttp impatient = new RawHttp(twilio.baseUri(), Optional.of(API_KEY), Duration.ofMillis(100));
        twilio.latency(Duration.ofMillis(400));

        assertThatThrownBy(() -> impatient.get(certificatePath(DOMAIN))).isInstanceOf(HttpTimeoutException.class);
        twilio.latency(Duration.ZERO);
        assertThat(http.get(certificatePath(DOMAIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void scriptedFaultsApplyFirstInFirstOut() throws Exception {
        twilio.enqueueFault(TwilioFault.RATE_LIMITED).enqueueFault(TwilioFault.SERVER_ERROR);

        assertThat(statuses(http, 3)).containsExactly(429, 500, 200);
    }

    @Test
    void pathPatternFaultsWaitForAMatchingRequest() throws Exception {
        twilio.enqueueFault(TwilioFault.SERVICE_UNAVAILABLE, Pattern.compile("/ValidateDns$"));
        String dns = "/v1/LinkShortening/Domains/" + DOMAIN + "/ValidateDns";

        assertThat(http.get(certificatePath(DOMAIN)).statusCode()).isEqualTo(200);
        assertThat(http.get(dns).statusCode()).isEqualTo(503);
        assertThat(http.get(dns).statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultedUploadChangesNothing() throws Exception {
        twilio.enqueueFault(TwilioFault.SERVER_ERROR);

        HttpResponse<String> response = http.postForm(certificatePath(DOMAIN), "TlsCert",
                TestCertificates.forHost(HOST, NEW_EXPIRY).tlsCert());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RawHttp.json(http.get(certificatePath(DOMAIN))).raw("cert_in_validation")).isEmpty();
        assertThat(twilio.lastAcceptedTlsCert(DOMAIN)).isEmpty();
    }

    @Test
    void randomFaultsRepeatForTheSameSeed() throws Exception {
        List<Integer> first;
        List<Integer> second;
        List<Integer> otherSeed;
        try (TwilioSimulator a = simulator(); TwilioSimulator b = simulator(); TwilioSimulator c = simulator()) {
            a.faultRate(0.4, 42, TwilioFault.RATE_LIMITED, TwilioFault.SERVER_ERROR);
            b.faultRate(0.4, 42, TwilioFault.RATE_LIMITED, TwilioFault.SERVER_ERROR);
            c.faultRate(0.4, 7, TwilioFault.RATE_LIMITED, TwilioFault.SERVER_ERROR);
            first = statuses(RawHttp.as(a, API_KEY), 30);
            second = statuses(RawHttp.as(b, API_KEY), 30);
            otherSeed = statuses(RawHttp.as(c, API_KEY), 30);
        }

        assertThat(first).isEqualTo(second).contains(200, 429, 500).isNotEqualTo(otherSeed);
    }

    @Test
    void scriptedFaultsGoBeforeRandomOnesAndRateZeroStopsThem() throws Exception {
        twilio.faultRate(1.0, 1, TwilioFault.SERVER_ERROR).enqueueFault(TwilioFault.RATE_LIMITED);
        assertThat(statuses(http, 2)).containsExactly(429, 500);

        twilio.faultRate(0, 1);
        assertThat(statuses(http, 2)).containsExactly(200, 200);
    }

    @Test
    void faultRateRefusesNonsense() {
        assertThatThrownBy(() -> twilio.faultRate(1.5, 1, TwilioFault.SLOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twilio.faultRate(Double.NaN, 1, TwilioFault.SLOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twilio.faultRate(0.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one fault kind");
    }

    private static List<Integer> statuses(RawHttp client, int count) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(client.get(certificatePath(DOMAIN)).statusCode());
        }
        return statuses;
    }
}
