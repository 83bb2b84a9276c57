package io.certguard.simulator;

import io.certguard.testing.MutableClock;
import static io.certguard.simulator.Fixtures.API_KEY;
import static io.certguard.simulator.Fixtures.DOMAIN;
import static io.certguard.simulator.Fixtures.HOST;
import static io.certguard.simulator.Fixtures.LIVE_EXPIRY;
import static io.certguard.simulator.Fixtures.NEW_EXPIRY;
import static io.certguard.simulator.Fixtures.NOW;
import static io.certguard.simulator.Fixtures.certificatePath;
import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Certificate uploads, their checks and the validation lifecycle. */
class TwilioSimulatorUploadTest {

    private static final TestCertificates.Bundle NEW_CERT = TestCertificates.forHost(HOST, NEW_EXPIRY);

    private final MutableClock clock = new MutableClock(NOW);
    private TwilioSimulator twilio;
    private RawHttp http;

    @BeforeEach
    void start() {
        twilio = TwilioSimulator.builder().acceptCredentials(API_KEY).clock(clock).build().start();
        http = RawHttp.as(twilio, API_KEY);
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    private JsonObject upload(String tlsCert, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.postForm(certificatePath(DOMAIN), "TlsCert", tlsCert);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return RawHttp.json(response);
    }

    private JsonObject fetch() throws Exception {
        return RawHttp.json(http.get(certificatePath(DOMAIN)));
    }

    private static Object pending(String expires) {
        return Json.parse("{\"date_expires\": \"" + expires + "\", \"status\": \"pending\"}");
    }

    @Test
    void firstUploadIs201WithoutExpiryUntilPromoted() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST));

        JsonObject created = upload(NEW_CERT.tlsCert(), 201);

        assertThat(created.string("certificate_sid")).matches("^CW[0-9a-f]{32}$");
        assertThat(created.raw("date_expires")).isEmpty();
        assertThat(created.raw("cert_in_validation")).hasValue(pending("2027-02-25T10:00:00Z"));
        assertThat(fetch().raw("cert_in_validation")).as("pending for one read").isPresent();
        JsonObject promoted = fetch();
        assertThat(promoted.raw("cert_in_validation")).isEmpty();
        assertThat(promoted.string("date_expires")).isEqualTo("2027-02-25T10:00:00Z");
        assertThat(promoted.string("certificate_sid")).isEqualTo(created.string("certificate_sid"));
    }

    @Test
    void replacementIs200AndPromotesAfterTheConfiguredReadsWithANewCertificateSid() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY)
                .withManaged(true, true)
                .withValidationPlan(ValidationPlan.afterReads(2, ValidationOutcome.PROMOTE)));
        String oldSid = fetch().string("certificate_sid");
        clock.advance(Duration.ofMinutes(1));

        JsonObject updated = upload(NEW_CERT.tlsCert(), 200);
        JsonObject read1 = fetch();
        JsonObject read2 = RawHttp.json(http.get("/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate"));
        JsonObject read3 = RawHttp.json(http.get("/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate"));

        assertThat(updated.string("date_expires")).as("still the live certificate").isEqualTo("2026-12-10T08:30:00Z");
        assertThat(updated.string("certificate_sid")).isEqualTo(oldSid);
        assertThat(updated.string("date_updated")).isEqualTo("2026-11-27T10:01:00Z");
        assertThat(read1.raw("cert_in_validation")).hasValue(pending("2027-02-25T10:00:00Z"));
        assertThat(read2.raw("cert_in_validation")).hasValue(pending("2027-02-25T10:00:00Z"));
        assertThat(read3.raw("cert_in_validation")).isEmpty();
        assertThat(read3.string("date_expires")).isEqualTo("2027-02-25T10:00:00Z");
        assertThat(read3.string("certificate_sid")).matches("^CW[0-9a-f]{32}$").isNotEqualTo(oldSid);
        assertThat(read3.optionalBoolean("managed")).as("an uploaded certificate is the customer's").hasValue(false);
        assertThat(read3.optionalBoolean("requesting")).hasValue(false);
    }

    @Test
    void durationPlanFollowsTheInjectedClockAndDropKeepsTheOldCertificate() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY)
                .withValidationPlan(ValidationPlan.afterDuration(Duration.ofMinutes(5), ValidationOutcome.DROP)));
        String oldSid = fetch().string("certificate_sid");
        upload(NEW_CERT.tlsCert(), 200);

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        JsonObject before = fetch();
        JsonObject stillBefore = fetch();
        clock.advance(Duration.ofSeconds(1));
        JsonObject after = fetch();

        assertThat(before.raw("cert_in_validation")).isPresent();
        assertThat(stillBefore.raw("cert_in_validation")).as("reads do not count for a duration plan").isPresent();
        assertThat(after.raw("cert_in_validation")).isEmpty();
        assertThat(after.string("date_expires")).isEqualTo("2026-12-10T08:30:00Z");
        assertThat(after.string("certificate_sid")).isEqualTo(oldSid);
    }

    @Test
    void reportedStatusStaysUntilTheNextUpload() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY)
                .withValidationPlan(ValidationPlan.afterReads(0, ValidationOutcome.reportStatus("failed"))));
        upload(NEW_CERT.tlsCert(), 200);

        Object failed = Json.parse("{\"date_expires\": \"2027-02-25T10:00:00Z\", \"status\": \"failed\"}");
        assertThat(fetch().raw("cert_in_validation")).hasValue(failed);
        assertThat(fetch().raw("cert_in_validation")).hasValue(failed);
        assertThat(fetch().string("date_expires")).isEqualTo("2026-12-10T08:30:00Z");
        assertThat(upload(NEW_CERT.tlsCert(), 200).raw("cert_in_validation")).hasValue(pending("2027-02-25T10:00:00Z"));
    }

    @Test
    void exposesTheLastAcceptedUploadOnly() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST));
        assertThat(twilio.lastAcceptedTlsCert(DOMAIN)).isEmpty();

        upload(NEW_CERT.tlsCert(), 201);
        upload(NEW_CERT.certificatePem(), 400);

        assertThat(twilio.lastAcceptedTlsCert(DOMAIN)).hasValue(NEW_CERT.tlsCert());
    }

    @Test
    void acceptsSpecStylePemWithoutLineBreaksAfterTheHeaders() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST));
        String compact = NEW_CERT.tlsCert().replace("-----\n", "-----");

        upload(compact, 201);
    }

    @Test
    void domainCanStartFromACertificatePem() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificatePem(NEW_CERT.tlsCert()));

        assertThat(fetch().string("date_expires")).isEqualTo("2027-02-25T10:00:00Z");
    }

    static Stream<Arguments> badBundles() {
        String cert = NEW_CERT.certificatePem();
        String key = NEW_CERT.privateKeyPem();
        String garbledCert = "-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(new byte[64])
                + "\n-----END CERTIFICATE-----\n";
        return Stream.of(
                Arguments.of("certificate without key", cert),
                Arguments.of("key without certificate", key),
                Arguments.of("not PEM at all", "hello"),
                Arguments.of("certificate that is not DER", garbledCert + key),
                Arguments.of("PKCS#1 key label", cert + key.replace("PRIVATE KEY", "RSA PRIVATE KEY")),
                Arguments.of("encrypted key label", cert + key.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")),
                Arguments.of("two keys", cert + key + key),
                Arguments.of("key of another certificate", TestCertificates.withForeignKey(HOST, NEW_EXPIRY).tlsCert()),
                Arguments.of("key block that is not base64", cert + "-----BEGIN PRIVATE KEY-----\nA===\n-----END PRIVATE KEY-----"),
                Arguments.of("key bytes that are not PKCS#8", cert + TestCertificates.pem("PRIVATE KEY", new byte[32])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBundles")
    void refusesBadBundlesWithError30132AndKeepsState(String name, String tlsCert) throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY));

        HttpResponse<String> response = http.postForm(certificatePath(DOMAIN), "TlsCert", tlsCert);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse("""
                {"code": 30132, "message": "Certificate cannot be validated",
                 "more_info": "https://www.twilio.com/docs/errors/30132", "status": 400}"""));
        assertThat(fetch().raw("cert_in_validation")).isEmpty();
        assertThat(twilio.lastAcceptedTlsCert(DOMAIN)).isEmpty();
    }

    @Test
    void missingTlsCertFieldIsABadRequest() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST));

        HttpResponse<String> response = http.postForm(certificatePath(DOMAIN), "Certificate", NEW_CERT.tlsCert());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(response).string("message")).contains("TlsCert");
    }

    @Test
    void malformedFormEncodingIsRefusedWithoutQuotingTheBody() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST));

        HttpResponse<String> response = http.postRaw(certificatePath(DOMAIN), "TlsCert=secret-key-material%zz");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("20001").doesNotContain("secret-key-material");
        assertThat(twilio.takeRequest().form()).isEmpty();
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST));

        HttpResponse<String> response = http.postForm(certificatePath(DOMAIN), "TlsCert",
                "A".repeat(SimulatorHandler.MAX_BODY_BYTES));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(response).string("message")).contains("larger than");
    }

    @Test
    void uploadsAreCheckedIndependentlyPerDomain() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY));
        twilio.addDomain(SimulatedDomain.of(Fixtures.OTHER_DOMAIN, "go.example.org").withCertificateExpiring(LIVE_EXPIRY));

        upload(NEW_CERT.tlsCert(), 200);

        JsonObject other = RawHttp.json(http.get(certificatePath(Fixtures.OTHER_DOMAIN)));
        assertThat(other.raw("cert_in_validation")).isEmpty();
        assertThat(fetch().raw("cert_in_validation")).isPresent();
    }
}
