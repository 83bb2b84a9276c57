package io.certguard.simulator;

import io.certguard.testing.MutableClock;
import static io.certguard.simulator.Fixtures.API_KEY;
import static io.certguard.simulator.Fixtures.API_KEY_SECRET;
import static io.certguard.simulator.Fixtures.DOMAIN;
import static io.certguard.simulator.Fixtures.HOST;
import static io.certguard.simulator.Fixtures.LIVE_EXPIRY;
import static io.certguard.simulator.Fixtures.NEW_EXPIRY;
import static io.certguard.simulator.Fixtures.NOW;
import static io.certguard.simulator.Fixtures.certificatePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the simulator records about each request, and that it serves concurrent clients. */
class TwilioSimulatorRecordingTest {

    private TwilioSimulator twilio;
    private RawHttp http;

    @BeforeEach
    void start() {
        twilio = TwilioSimulator.builder().acceptCredentials(API_KEY).clock(new MutableClock(NOW)).build().start();
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY));
        http = RawHttp.as(twilio, API_KEY);
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void recordsMethodPathQueryHeadersFormAndArrivalInOrder() throws Exception {
        String tlsCert = TestCertificates.forHost(HOST, NEW_EXPIRY).tlsCert();
        http.get(certificatePath(DOMAIN) + "?PageSize=5");
        http.postForm(certificatePath(DOMAIN), "TlsCert", tlsCert);

        RecordedRequest get = twilio.takeRequest();
        RecordedRequest post = twilio.takeRequest(Duration.ofSeconds(1));

        assertThat(get.sequence()).isEqualTo(1);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo(certificatePath(DOMAIN));
        assertThat(get.query()).isEqualTo("PageSize=5");
        assertThat(get.form()).isEmpty();
        assertThat(get.receivedAt()).isEqualTo(NOW);
        assertThat(post.sequence()).isEqualTo(2);
        assertThat(post.header("content-type")).hasValue("application/x-www-form-urlencoded");
        assertThat(post.header("AUTHORIZATION")).hasValue(API_KEY.basicAuthorization());
        assertThat(post.formField("TlsCert")).hasValue(tlsCert);
        assertThat(post.formField("tlscert")).as("form names are case-sensitive").isEmpty();
        assertThat(twilio.requests()).containsExactly(get, post);
        assertThat(twilio.requestCount()).isEqualTo(2);
    }

    @Test
    void countsFaultedAndUnauthorisedRequestsToo() throws Exception {
        twilio.enqueueFault(TwilioFault.SERVER_ERROR);
        http.get(certificatePath(DOMAIN));
        RawHttp.as(twilio, Fixtures.WRONG_SECRET).get(certificatePath(DOMAIN));

        assertThat(twilio.requestCount()).isEqualTo(2);
    }

    @Test
    void toStringShowsNoCredentialOrKeyMaterial() throws Exception {
        String tlsCert = TestCertificates.forHost(HOST, NEW_EXPIRY).tlsCert();
        http.postForm(certificatePath(DOMAIN), "TlsCert", tlsCert);

        String text = twilio.takeRequest().toString();

        assertThat(text).contains("POST", certificatePath(DOMAIN), "authorization", "TlsCert")
                .doesNotContain(API_KEY.basicAuthorization().substring(6), API_KEY_SECRET, "BEGIN", "MII");
    }

    @Test
    void takeRequestWaitsOnlyAsLongAsAsked() {
        assertThatThrownBy(() -> twilio.takeRequest(Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no request arrived within 50 ms");
    }

    @Test
    void servesConcurrentClients() throws Exception {
        int threads = 8;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    RawHttp client = RawHttp.as(twilio, API_KEY);
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        HttpResponse<String> response = client.get(certificatePath(DOMAIN));
                        statuses.add(response.statusCode());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).hasSize(perThread).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(twilio.requestCount()).isEqualTo(threads * perThread);
        assertThat(twilio.requests()).extracting(RecordedRequest::sequence).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).isBetween(1L, (long) threads * perThread));
    }
}
