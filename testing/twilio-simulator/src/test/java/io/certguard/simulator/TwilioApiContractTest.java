package io.certguard.simulator;

import io.certguard.testing.MutableClock;
import static io.certguard.simulator.Fixtures.API_KEY;
import static io.certguard.simulator.Fixtures.DOMAIN;
import static io.certguard.simulator.Fixtures.HOST;
import static io.certguard.simulator.Fixtures.LIVE_EXPIRY;
import static io.certguard.simulator.Fixtures.NEW_EXPIRY;
import static io.certguard.simulator.Fixtures.NOW;
import static io.certguard.simulator.Fixtures.OTHER_DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.twilio.TlsCertPayload;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Holds the simulator and the client to Twilio's own OpenAPI description (twilio_messaging_v1.json, v2.json): every
 * simulator answer validates against the operation's response schema, and every request the client sends names an
 * operation of the spec with valid path parameters and the form fields its requestBody declares.
 */
class TwilioApiContractTest {

    private static final DomainSid NO_CERT_DOMAIN = DomainSid.of("DN11111111111111111111111111111111");
    private static final String FORM = "application/x-www-form-urlencoded";

    private static TwilioSpecDirectory.Resolution specDirectory;
    private static OpenApiSpec v1;
    private static OpenApiSpec v2;

    private TwilioSimulator twilio;
    private RawHttp http;

    @BeforeAll
    static void loadSpecs() {
        specDirectory = TwilioSpecDirectory.fromEnvironment();
        if (specDirectory instanceof TwilioSpecDirectory.Resolution.Found found) {
            v1 = OpenApiSpec.load(found.directory().resolve("twilio_messaging_v1.json"));
            v2 = OpenApiSpec.load(found.directory().resolve("twilio_messaging_v2.json"));
        }
    }

    /** Per test rather than per class: Surefire shows a skip and its reason only for tests, not for a whole class. */
    @BeforeEach
    void requireSpecsThenStart() {
        switch (specDirectory) {
            case TwilioSpecDirectory.Resolution.Found found -> {
                // loaded in loadSpecs()
            }
            case TwilioSpecDirectory.Resolution.Skip skip -> Assumptions.abort(skip.reason());
            case TwilioSpecDirectory.Resolution.Fail fail -> Assertions.fail(fail.reason());
        }
        twilio = TwilioSimulator.builder().acceptCredentials(API_KEY).clock(new MutableClock(NOW)).build().start();
        twilio.addDomain(SimulatedDomain.of(DOMAIN, HOST).withCertificateExpiring(LIVE_EXPIRY).withContinueOnFailure(true));
        twilio.addDomain(SimulatedDomain.of(OTHER_DOMAIN, "go.example.org").withDns(false, "CNAME does not point at Twilio"));
        twilio.addDomain(SimulatedDomain.of(NO_CERT_DOMAIN, "new.example.net"));
        http = RawHttp.as(twilio, API_KEY);
    }

    @AfterEach
    void stop() {
        if (twilio != null) {
            twilio.close();
        }
    }

    private static OpenApiSpec specFor(String path) {
        return path.startsWith("/v2/") ? v2 : v1;
    }

    /** One answer of the simulator and the component schema it must conform to. */
    private record Answer(String label, String method, String path, int status, String body, String expectedSchema) {
    }

    @TestFactory
    List<DynamicTest> simulatorAnswersConformToTheResponseSchemas() throws Exception {
        String tlsCert = TestCertificates.forHost(HOST, NEW_EXPIRY).tlsCert();
        String v1Cert = "/v1/LinkShortening/Domains/" + DOMAIN + "/Certificate";
        String v2Cert = "/v2/LinkShortening/Domains/" + DOMAIN + "/Certificate";
        String noCert = "/v1/LinkShortening/Domains/" + OTHER_DOMAIN + "/Certificate";
        List<Answer> answers = new ArrayList<>();
        answers.add(answer("live certificate", get(v1Cert), "messaging.v1.domain_cert_v4"));
        answers.add(answer("live certificate", get(v2Cert), "messaging.v2.domain_cert_v4"));
        answers.add(answer("no certificate yet", get(noCert), "messaging.v1.domain_cert_v4"));
        answers.add(answer("no certificate yet", get("/v2/LinkShortening/Domains/" + OTHER_DOMAIN + "/Certificate"),
                "messaging.v2.domain_cert_v4"));
        answers.add(answer("first upload", http.postForm(noCert, "TlsCert",
                TestCertificates.forHost("go.example.org", NEW_EXPIRY).tlsCert()), "messaging.v1.domain_cert_v4"));
        answers.add(answer("replacement upload", http.postForm(v1Cert, "TlsCert", tlsCert), "messaging.v1.domain_cert_v4"));
        answers.add(answer("pending validation", get(v1Cert), "messaging.v1.domain_cert_v4"));
        answers.add(answer("promoted", get(v2Cert), "messaging.v2.domain_cert_v4"));
        answers.add(answer("config", get("/v1/LinkShortening/Domains/" + DOMAIN + "/Config"), "messaging.v1.domain_config"));
        answers.add(answer("valid DNS", get("/v1/LinkShortening/Domains/" + DOMAIN + "/ValidateDns"),
                "messaging.v1.domain_dns_validation"));
        answers.add(answer("invalid DNS", get("/v1/LinkShortening/Domains/" + OTHER_DOMAIN + "/ValidateDns"),
                "messaging.v1.domain_dns_validation"));
        answers.add(answer("managed, had a certificate", post("/v1/LinkShortening/Domains/" + DOMAIN + "/RequestManagedCert"),
                "messaging.v1.request_managed_cert"));
        answers.add(answer("managed, had none", post("/v1/LinkShortening/Domains/" + NO_CERT_DOMAIN + "/RequestManagedCert"),
                "messaging.v1.request_managed_cert"));
        assertThat(answers).extracting(Answer::status).contains(200, 201);

        return answers.stream().map(a -> dynamicTest(a.method() + " " + a.path() + " (" + a.label() + ") -> " + a.status(),
                () -> assertConformsToResponseSchema(a))).toList();
    }

    private static void assertConformsToResponseSchema(Answer answer) {
        OpenApiSpec spec = specFor(answer.path());
        OpenApiSpec.Operation operation = spec.operation(answer.method(), answer.path()).orElseThrow(
                () -> new AssertionError(spec.name() + " has no " + answer.method() + " for " + answer.path()));
        assertThat(operation.responseStatuses()).as("statuses %s declares", operation.operationId())
                .contains(Integer.toString(answer.status()));
        assertThat(operation.responseSchemaName(answer.status())).hasValue(answer.expectedSchema());
        JsonNode schema = spec.componentSchema(answer.expectedSchema());
        assertThat(OpenApiSpec.validate(schema, answer.body())).as(answer.body()).isEmpty();
        // The schemas allow extra members; Twilio sends exactly these, so a misspelt or missing field is caught too.
        assertThat(OpenApiSpec.parse(answer.body()).propertyNames())
                .containsExactlyInAnyOrderElementsOf(schema.path("properties").propertyNames());
    }

    @TestFactory
    List<DynamicTest> clientRequestsNameSpecOperationsWithValidParametersAndFields() {
        TwilioHttpClient client = ClientFixture.client(twilio, API_KEY, ClientFixture.THREE_ATTEMPTS, new RecordingSleeper());
        client.fetchCertificate(DOMAIN);
        client.uploadCertificate(DOMAIN, new TlsCertPayload(TestCertificates.forHost(HOST, NEW_EXPIRY).tlsCert()));
        client.fetchConfig(DOMAIN);
        client.validateDns(DOMAIN);
        client.requestManagedCertificate(DOMAIN);
        twilio.serveV2(false);
        client.fetchCertificate(DOMAIN); // v2 answers 404, then v1
        List<RecordedRequest> requests = twilio.requests();

        List<String> operations = requests.stream().map(r -> r.path().substring(0, 3) + " " + r.method() + " "
                + specFor(r.path()).operation(r.method(), r.path()).map(OpenApiSpec.Operation::operationId).orElse("?"))
                .distinct().toList();
        assertThat(operations).containsExactlyInAnyOrder("/v2 GET FetchDomainCertV4", "/v1 POST UpdateDomainCertV4",
                "/v1 GET FetchDomainConfig", "/v1 GET FetchDomainDnsValidation", "/v1 POST UpdateRequestManagedCert",
                "/v1 GET FetchDomainCertV4");

        return requests.stream().map(r -> dynamicTest("client #" + r.sequence() + " " + r.method() + " " + r.path(),
                () -> assertConformsToOperation(r))).toList();
    }

    private static void assertConformsToOperation(RecordedRequest request) {
        OpenApiSpec spec = specFor(request.path());
        OpenApiSpec.Operation operation = spec.operation(request.method(), request.path()).orElseThrow(
                () -> new AssertionError(spec.name() + " has no " + request.method() + " on a path matching " + request.path()));
        for (Map.Entry<String, String> parameter : operation.pathValues().entrySet()) {
            JsonNode schema = operation.pathParameterSchema(parameter.getKey()).orElseThrow(
                    () -> new AssertionError(operation.template() + " does not declare path parameter " + parameter.getKey()));
            assertThat(OpenApiSpec.validate(schema, OpenApiSpec.parse(Json.write(parameter.getValue()))))
                    .as("path parameter %s", parameter.getKey()).isEmpty();
        }
        if (!operation.hasRequestBody()) {
            assertThat(request.form()).as("%s takes no body", operation.operationId()).isEmpty();
            return;
        }
        String mediaType = request.header("Content-Type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        assertThat(mediaType).isEqualTo(FORM);
        JsonNode bodySchema = operation.requestBodySchema(FORM).orElseThrow(
                () -> new AssertionError(operation.operationId() + " declares no " + FORM + " body"));
        assertThat(request.form().keySet()).as("form fields of %s", operation.operationId())
                .containsAll(OpenApiSpec.stream(bodySchema.path("required")).map(JsonNode::asString).toList())
                .isSubsetOf(bodySchema.path("properties").propertyNames());
        Map<String, Object> firstValues = new LinkedHashMap<>();
        request.form().forEach((name, values) -> firstValues.put(name, values.getFirst()));
        assertThat(OpenApiSpec.validate(bodySchema, Json.write(firstValues))).isEmpty();
    }

    @Test
    void theSpecsOwnExamplesValidateSoNullableIsHonoured() {
        List<String> checked = new ArrayList<>();
        for (OpenApiSpec spec : List.of(v1, v2)) {
            spec.operationsUnder("/LinkShortening/").forEach((operation, node) -> node.path("responses").properties()
                    .forEach(response -> {
                        JsonNode json = response.getValue().path("content").path("application/json");
                        String ref = json.path("schema").path("$ref").asString("");
                        json.path("examples").properties().forEach(example -> {
                            JsonNode schema = spec.componentSchema(ref.substring(ref.lastIndexOf('/') + 1));
                            assertThat(OpenApiSpec.validate(schema, example.getValue().path("value")))
                                    .as("%s %s example %s", operation, response.getKey(), example.getKey()).isEmpty();
                            checked.add(operation + " " + response.getKey());
                        });
                    }));
        }
        // The 201 "create" example of the Certificate POST has "date_expires": null.
        assertThat(checked).contains("POST /v1/LinkShortening/Domains/{DomainSid}/Certificate 201");
    }

    @Test
    void theValidatorRejectsWhatTheSchemasForbid() {
        JsonNode schema = v1.componentSchema("messaging.v1.domain_cert_v4");

        assertThat(OpenApiSpec.validate(schema, "{\"date_expires\": null, \"cert_in_validation\": null}")).isEmpty();
        assertThat(OpenApiSpec.validate(schema, "{\"date_expires\": \"next Tuesday\"}")).isNotEmpty();
        assertThat(OpenApiSpec.validate(schema, "{\"date_expires\": 1767225600}")).isNotEmpty();
        assertThat(OpenApiSpec.validate(schema, "{\"domain_sid\": \"DN123\"}")).isNotEmpty();
        assertThat(OpenApiSpec.validate(schema, "{\"certificate_sid\": \"XX0123456789abcdef0123456789abcdef\"}")).isNotEmpty();
        assertThat(OpenApiSpec.validate(schema, "{\"url\": \"not a uri\"}")).isNotEmpty();
        assertThat(OpenApiSpec.validate(v1.componentSchema("messaging.v1.domain_dns_validation"), "{\"is_valid\": \"yes\"}"))
                .isNotEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.get(path);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send("POST", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    private static Answer answer(String label, HttpResponse<String> response, String expectedSchema) {
        return new Answer(label, response.request().method(), response.uri().getPath(), response.statusCode(),
                response.body(), expectedSchema);
    }
}
