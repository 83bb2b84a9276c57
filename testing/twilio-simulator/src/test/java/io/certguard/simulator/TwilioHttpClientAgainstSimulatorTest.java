package io.certguard.simulator;

import io.certguard.testing.MutableClock;
import static io.certguard.simulator.Fixtures.ACCOUNT_TOKEN;
import static io.certguard.simulator.Fixtures.API_KEY;
import static io.certguard.simulator.Fixtures.API_KEY_SECRET;
import static io.certguard.simulator.Fixtures.API_KEY_SID;
import static io.certguard.simulator.Fixtures.DOMAIN;
import static io.certguard.simulator.Fixtures.HOST;
import static io.certguard.simulator.Fixtures.LIVE_EXPIRY;
import static io.certguard.simulator.Fixtures.NEW_EXPIRY;
import static io.certguard.simulator.Fixtures.NOW;
import static io.certguard.simulator.Fixtures.OTHER_DOMAIN;
import static io.certguard.simulator.Fixtures.certificatePath;
import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.twilio.CertInValidation;
import io.certguard.twilio.CertValidationStatus;
import io.certguard.twilio.DnsValidation;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.DomainConfig;
import io.certguard.twilio.TlsCertPayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every {@link TwilioHttpClient} call against the simulator, checking both the parsed result and what went on the wire. */
class TwilioHttpClientAgainstSimulatorTest {

    private static final TestCertificates.Bundle NEW_CERT = TestCertificates.forHost(HOST, NEW_EXPIRY);

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private TwilioSimulator twilio;
    private TwilioHttpClient client;

    @BeforeEach
    void start() {
        twilio = TwilioSimulator.builder().acceptCredentials(API_KEY).acceptCredentials(ACCOUNT_TOKEN)
                .clock(new MutableClock(NOW)).build().start();
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY).withContinueOnFailure(true));
        client = ClientFixture.client(twilio, API_KEY, ClientFixture.THREE_ATTEMPTS, sleeper);
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void fetchCertificateReadsV2WithManagementFlags() throws Exception {
        twilio.addDomain(SimulatedDomain.of(OTHER_DOMAIN, "go.example.org").withCertificateExpiring(LIVE_EXPIRY)
                .withManaged(true, true));

        DomainCertificate mine = client.fetchCertificate(DOMAIN);
        DomainCertificate managed = client.fetchCertificate(OTHER_DOMAIN);

        assertThat(mine.apiVersion()).isEqualTo("v2");
        assertThat(mine.domainSid()).isEqualTo(DOMAIN);
        assertThat(mine.certificateSid()).hasValueSatisfying(sid -> assertThat(sid).matches("^CW[0-9a-f]{32}$"));
        assertThat(mine.domainName()).hasValue("https://links.example.com");
        assertThat(mine.hostname()).hasValue(HOST);
        assertThat(mine.dateExpires()).hasValue(LIVE_EXPIRY);
        assertThat(mine.dateCreated()).hasValue(NOW);
        assertThat(mine.managed()).hasValue(false);
        assertThat(mine.requesting()).hasValue(false);
        assertThat(mine.certInValidation()).isEmpty();
        assertThat(managed.managed()).hasValue(true);
        assertThat(managed.requesting()).hasValue(true);
        RecordedRequest request = twilio.takeRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate");
        assertThat(request.header("Accept")).hasValue("application/json");
        assertThat(request.header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).startsWith("certguard/"));
    }

    @Test
    void fetchCertificateFallsBackToV1WhenV2Is404() throws Exception {
        twilio.serveV2(false);

        DomainCertificate certificate = client.fetchCertificate(DOMAIN);

        assertThat(certificate.apiVersion()).isEqualTo("v1");
        assertThat(certificate.dateExpires()).hasValue(LIVE_EXPIRY);
        assertThat(certificate.managed()).isEmpty();
        assertThat(certificate.requesting()).isEmpty();
        assertThat(twilio.takeRequest().path()).startsWith("/v2/");
        assertThat(twilio.takeRequest().path()).isEqualTo(certificatePath(DOMAIN));
        assertThat(sleeper.delays()).as("a 404 is not retried").isEmpty();
    }

    @Test
    void uploadSendsTlsCertFormEncodedWithBasicAuth() throws Exception {
        DomainCertificate uploaded = client.uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert()));

        assertThat(uploaded.apiVersion()).isEqualTo("v1");
        assertThat(uploaded.dateExpires()).as("still the live certificate").hasValue(LIVE_EXPIRY);
        assertThat(uploaded.certInValidation()).hasValueSatisfying(v -> {
            assertThat(v.isPending()).isTrue();
            assertThat(v.dateExpires()).hasValue(NEW_EXPIRY);
        });
        RecordedRequest request = twilio.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(certificatePath(DOMAIN));
        assertThat(request.header("Content-Type")).hasValue("application/x-www-form-urlencoded; charset=UTF-8");
        // Base64 in the PEM has '+', '/' and '=': they survive only if the client percent-encodes them.
        assertThat(request.form()).containsOnlyKeys("TlsCert");
        assertThat(request.formField("TlsCert")).hasValue(NEW_CERT.tlsCert());
        assertThat(request.header("Authorization")).hasValueSatisfying(auth -> {
            assertThat(auth).startsWith("Basic ");
            assertThat(new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8))
                    .isEqualTo(API_KEY_SID + ":" + API_KEY_SECRET);
        });
    }

    @Test
    void firstUploadToADomainWithoutCertificateIsCreated() {
        twilio.addDomain(SimulatedDomain.of(OTHER_DOMAIN, "go.example.org"));

        DomainCertificate created = client.uploadCertificate(OTHER_DOMAIN, new TlsCertPayload(
                TestCertificates.forHost("go.example.org", NEW_EXPIRY).tlsCert()));

        assertThat(created.dateExpires()).isEmpty();
        assertThat(created.certificateSid()).isPresent();
        assertThat(created.certInValidation()).hasValueSatisfying(v -> assertThat(v.isPending()).isTrue());
    }

    @Test
    void validationGoesFromPendingToPromoted() {
        String oldSid = client.fetchCertificate(DOMAIN).certificateSid().orElseThrow();
        client.uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert()));

        DomainCertificate pending = client.fetchCertificate(DOMAIN);
        DomainCertificate promoted = client.fetchCertificate(DOMAIN);

        assertThat(pending.certInValidation()).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(CertValidationStatus.PENDING);
            assertThat(v.rawStatus()).isEqualTo("pending");
            assertThat(v.dateExpires()).hasValue(NEW_EXPIRY);
        });
        assertThat(pending.dateExpires()).hasValue(LIVE_EXPIRY);
        assertThat(promoted.certInValidation()).isEmpty();
        assertThat(promoted.dateExpires()).hasValue(NEW_EXPIRY);
        assertThat(promoted.certificateSid()).get().isNotEqualTo(oldSid);
        assertThat(twilio.lastAcceptedTlsCert(DOMAIN)).hasValue(NEW_CERT.tlsCert());
    }

    @Test
    void anUndocumentedStatusIsKeptAsDataNotSuccess() {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY)
                .withValidationPlan(ValidationPlan.afterReads(0, ValidationOutcome.reportStatus("failed"))));
        client.uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert()));

        CertInValidation validation = client.fetchCertificate(DOMAIN).certInValidation().orElseThrow();

        assertThat(validation.status()).isEqualTo(CertValidationStatus.OTHER);
        assertThat(validation.rawStatus()).isEqualTo("failed");
        assertThat(validation.isPending()).isFalse();
        assertThat(validation.dateExpires()).hasValue(NEW_EXPIRY);
        assertThat(validation.raw()).isEqualTo(Map.of("date_expires", "2027-02-25T10:00:00Z", "status", "failed"));
    }

    @Test
    void droppedValidationKeepsTheOldCertificate() {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY)
                .withValidationPlan(ValidationPlan.afterReads(0, ValidationOutcome.DROP)));
        client.uploadCertificate(DOMAIN, new TlsCertPayload(NEW_CERT.tlsCert()));

        DomainCertificate after = client.fetchCertificate(DOMAIN);

        assertThat(after.certInValidation()).isEmpty();
        assertThat(after.dateExpires()).as("not the uploaded certificate's expiry").hasValue(LIVE_EXPIRY);
    }

    @Test
    void fetchConfigReadsContinueOnFailure() throws Exception {
        DomainConfig config = client.fetchConfig(DOMAIN);

        assertThat(config.domainSid()).isEqualTo(DOMAIN);
        assertThat(config.continuesOnFailure()).isTrue();
        assertThat(config.disableHttps()).hasValue(false);
        assertThat(config.configSid()).hasValueSatisfying(sid -> assertThat(sid).startsWith("ZK"));
        assertThat(config.fallbackUrl()).isEmpty();
        assertThat(twilio.takeRequest().path()).isEqualTo("/v1/LinkShortening/Domains/" + DOMAIN + "/Config");
    }

    @Test
    void validateDnsReadsValidityAndReason() throws Exception {
        twilio.addDomain(SimulatedDomain.of(OTHER_DOMAIN, "go.example.org").withDns(false, "CNAME missing"));

        DnsValidation ok = client.validateDns(DOMAIN);
        DnsValidation bad = client.validateDns(OTHER_DOMAIN);

        assertThat(ok.valid()).isTrue();
        assertThat(ok.reason()).hasValue("");
        assertThat(bad.valid()).isFalse();
        assertThat(bad.reason()).hasValue("CNAME missing");
        assertThat(twilio.takeRequest().path()).isEqualTo("/v1/LinkShortening/Domains/" + DOMAIN + "/ValidateDns");
    }

    @Test
    void requestManagedCertificatePostsWithoutFields() throws Exception {
        DomainCertificate requested = client.requestManagedCertificate(DOMAIN);

        assertThat(requested.managed()).hasValue(true);
        assertThat(requested.requesting()).hasValue(true);
        assertThat(requested.dateExpires()).hasValue(LIVE_EXPIRY);
        assertThat(client.fetchCertificate(DOMAIN).managed()).hasValue(true);
        RecordedRequest request = twilio.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/LinkShortening/Domains/" + DOMAIN + "/RequestManagedCert");
        assertThat(request.form()).isEmpty();
    }

    @Test
    void worksWithTheAccountAuthTokenToo() throws Exception {
        TwilioHttpClient tokenClient = ClientFixture.client(twilio, ACCOUNT_TOKEN, ClientFixture.THREE_ATTEMPTS, sleeper);

        assertThat(tokenClient.fetchConfig(DOMAIN).continuesOnFailure()).isTrue();
        assertThat(twilio.takeRequest().header("Authorization")).hasValue(ACCOUNT_TOKEN.basicAuthorization());
    }

    @Test
    void oneClientServesConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<DomainCertificate>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                results.add(pool.submit(() -> client.fetchCertificate(DOMAIN)));
            }
            for (Future<DomainCertificate> result : results) {
                assertThat(result.get().dateExpires()).hasValue(LIVE_EXPIRY);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(twilio.requestCount()).isEqualTo(30);
    }
}
