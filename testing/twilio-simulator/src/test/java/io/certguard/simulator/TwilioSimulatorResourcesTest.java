package io.certguard.simulator;

import io.certguard.testing.MutableClock;
import static io.certguard.simulator.Fixtures.ACCOUNT_TOKEN;
import static io.certguard.simulator.Fixtures.API_KEY;
import static io.certguard.simulator.Fixtures.DOMAIN;
import static io.certguard.simulator.Fixtures.HOST;
import static io.certguard.simulator.Fixtures.LIVE_EXPIRY;
import static io.certguard.simulator.Fixtures.NOW;
import static io.certguard.simulator.Fixtures.OTHER_DOMAIN;
import static io.certguard.simulator.Fixtures.UNKNOWN_DOMAIN;
import static io.certguard.simulator.Fixtures.WRONG_SECRET;
import static io.certguard.simulator.Fixtures.certificatePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's resources, auth and errors, seen over plain HTTP. */
class TwilioSimulatorResourcesTest {

    private TwilioSimulator twilio;
    private RawHttp http;

    @BeforeEach
    void start() {
        twilio = TwilioSimulator.builder().acceptCredentials(API_KEY).acceptCredentials(ACCOUNT_TOKEN)
                .clock(new MutableClock(NOW)).build().start();
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY)
                .withContinueOnFailure(true));
        twilio.addDomain(SimulatedDomain.of(OTHER_DOMAIN, "go.example.org").withManaged(true, false)
                .withDns(false, "CNAME does not point at Twilio"));
        http = RawHttp.as(twilio, API_KEY);
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void v1CertificateHasTheSpecFieldsWithoutManagementFlags() throws Exception {
        HttpResponse<String> response = http.get(certificatePath(DOMAIN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonObject json = RawHttp.json(response);
        assertThat(json.asMap()).containsOnlyKeys("certificate_sid", "domain_name", "domain_sid", "date_expires",
                "date_created", "date_updated", "url", "cert_in_validation");
        assertThat(json.string("domain_sid")).isEqualTo(DOMAIN.value());
        assertThat(json.string("certificate_sid")).matches("^CW[0-9a-f]{32}$");
        assertThat(json.string("domain_name")).isEqualTo("https://links.example.com");
        assertThat(json.string("date_expires")).isEqualTo("2026-12-10T08:30:00Z");
        assertThat(json.string("date_created")).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(json.string("url")).isEqualTo(twilio.baseUri() + certificatePath(DOMAIN));
        assertThat(json.has("cert_in_validation")).isTrue();
        assertThat(json.raw("cert_in_validation")).isEmpty();
    }

    @Test
    void v2CertificateAddsManagedAndRequesting() throws Exception {
        JsonObject mine = RawHttp.json(http.get("/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate"));
        JsonObject managed = RawHttp.json(http.get("/v2/LinkShortening/Domains/" + OTHER_DOMAIN + "/Certificate"));

        assertThat(mine.optionalBoolean("managed")).hasValue(false);
        assertThat(mine.optionalBoolean("requesting")).hasValue(false);
        assertThat(mine.string("url")).endsWith("/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate");
        assertThat(managed.optionalBoolean("managed")).hasValue(true);
        assertThat(managed.optionalString("date_expires")).as("no certificate configured").isEmpty();
    }

    @Test
    void v2CanBeWithdrawnSoClientsFallBackToV1() throws Exception {
        twilio.serveV2(false);

        HttpResponse<String> v2 = http.get("/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate");

        assertThat(v2.statusCode()).isEqualTo(404);
        assertThat(RawHttp.json(v2).optionalNumber("code")).hasValueSatisfying(c -> assertThat(c.intValue()).isEqualTo(20404));
        assertThat(http.get(certificatePath(DOMAIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void configAndDnsValidationReportTheDomainsSettings() throws Exception {
        JsonObject config = RawHttp.json(http.get("/v1/LinkShortening/Domains/" + DOMAIN + "/Config"));
        JsonObject dnsOk = RawHttp.json(http.get("/v1/LinkShortening/Domains/" + DOMAIN + "/ValidateDns"));
        JsonObject dnsBad = RawHttp.json(http.get("/v1/LinkShortening/Domains/" + OTHER_DOMAIN + "/ValidateDns"));

        assertThat(config.optionalBoolean("continue_on_failure")).hasValue(true);
        assertThat(config.optionalBoolean("disable_https")).hasValue(false);
        assertThat(config.string("config_sid")).matches("^ZK[0-9a-f]{32}$");
        assertThat(dnsOk.asMap()).containsOnlyKeys("domain_sid", "is_valid", "reason", "url");
        assertThat(dnsOk.optionalBoolean("is_valid")).hasValue(true);
        assertThat(dnsOk.string("reason")).isEmpty();
        assertThat(dnsBad.optionalBoolean("is_valid")).hasValue(false);
        assertThat(dnsBad.string("reason")).isEqualTo("CNAME does not point at Twilio");
    }

    @Test
    void requestManagedCertSetsManagedAndRequesting() throws Exception {
        HttpResponse<String> response = http.send("POST", "/v1/LinkShortening/Domains/" + DOMAIN + "/RequestManagedCert",
                HttpRequest.BodyPublishers.noBody(), null);
        JsonObject after = RawHttp.json(http.get("/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject json = RawHttp.json(response);
        assertThat(json.optionalBoolean("managed")).hasValue(true);
        assertThat(json.optionalBoolean("requesting")).hasValue(true);
        assertThat(json.string("date_expires")).as("the existing certificate's expiry").isEqualTo("2026-12-10T08:30:00Z");
        assertThat(after.optionalBoolean("managed")).hasValue(true);
        assertThat(after.optionalBoolean("requesting")).hasValue(true);
    }

    @Test
    void unknownDomainIsTwilios404() throws Exception {
        HttpResponse<String> response = http.get(certificatePath(UNKNOWN_DOMAIN));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.parse(response.body())).isEqualTo(Json.parse("""
                {"code": 20404,
                 "message": "The requested resource /v1/LinkShortening/Domains/DN00000000000000000000000000000000/Certificate was not found",
                 "more_info": "https://www.twilio.com/docs/errors/20404",
                 "status": 404}"""));
    }

    @Test
    void pathsOutsideTheApiAre404AndUnplayedMethods405() throws Exception {
        assertThat(http.get("/v1/LinkShortening/Domains/" + DOMAIN + "/Nothing").statusCode()).isEqualTo(404);
        assertThat(http.get("/v1/Services").statusCode()).isEqualTo(404);
        HttpResponse<String> delete = http.send("DELETE", certificatePath(DOMAIN), HttpRequest.BodyPublishers.noBody(), null);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(RawHttp.json(delete).optionalNumber("code")).hasValueSatisfying(c -> assertThat(c.intValue()).isEqualTo(20004));
    }

    @Test
    void acceptsAnApiKeyOrTheAccountAuthToken() throws Exception {
        assertThat(http.get(certificatePath(DOMAIN)).statusCode()).isEqualTo(200);
        assertThat(RawHttp.as(twilio, ACCOUNT_TOKEN).get(certificatePath(DOMAIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongOrMissingCredentialsAre401WithError20003() throws Exception {
        HttpResponse<String> wrong = RawHttp.as(twilio, WRONG_SECRET).get(certificatePath(DOMAIN));
        HttpResponse<String> missing = new RawHttp(twilio.baseUri(), Optional.empty(), Duration.ofSeconds(5))
                .get(certificatePath(DOMAIN));

        for (HttpResponse<String> response : java.util.List.of(wrong, missing)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Twilio API\"");
            assertThat(Json.parse(response.body())).isEqualTo(Json.parse("""
                    {"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003",
                     "status": 401}"""));
        }
    }

    @Test
    void replacingADomainResetsItsState() throws Exception {
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST));

        assertThat(RawHttp.json(http.get(certificatePath(DOMAIN))).optionalString("certificate_sid")).isEmpty();
    }

    @Test
    void builderAndLifecycleRefuseMisuse() {
        assertThatThrownBy(() -> TwilioSimulator.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
        TwilioSimulator unstarted = TwilioSimulator.builder().acceptCredentials(API_KEY).build();
        assertThatThrownBy(unstarted::baseUri).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        assertThatThrownBy(twilio::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        twilio.close();
        twilio.close(); // idempotent
        assertThatThrownBy(twilio::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> SimulatedDomain.of(DOMAIN, "https://links.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare DNS name");
    }
}
