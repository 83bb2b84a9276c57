package io.certguard.upload;

import static io.certguard.upload.UploadScenario.HOST;
import static io.certguard.upload.UploadScenario.SID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.json.JsonObject;
import io.certguard.simulator.TwilioFault;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.SqsInbox;
import io.certguard.testing.TestLambdaContext;
import io.certguard.testpki.HeldCertificate;
import io.certguard.tls.CertificateFingerprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The upload function end to end through its production wiring, for each trigger: the AWS emulator, the Twilio
 * simulator, a TLS host and DNS on loopback. Alarms are read back from an SQS queue subscribed to the topic.
 */
@ExtendWith(AwsEmulator.class)
class UploadEndToEndTest {

    private UploadScenario scenario;

    @BeforeEach
    void scenario(AwsClients aws, SqsClient sqs) {
        scenario = new UploadScenario(aws, sqs, 40);
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void secretLabelUpdated_uploadsTheNewVersion_andRecordsItForThePoll() {
        HeldCertificate renewed = scenario.leaf(130);
        String version = scenario.putCurrent(scenario.world.bundlePem(renewed));

        JsonObject result = scenario.invoke(scenario.labelUpdatedEvent(version));

        assertThat(result.string("outcome")).isEqualTo("uploaded");
        assertThat(result.string("trigger")).isEqualTo("secret_label_updated");
        assertThat(result.string("status")).isEqualTo("VALIDATING");
        assertThat(result.string("leafSha256")).isEqualTo(CertificateFingerprint.sha256(renewed.certificate()));
        assertThat(scenario.certificatePosts()).hasSize(1);
        assertThat(scenario.world.twilio().lastAcceptedTlsCert(SID)).contains(scenario.world.bundlePem(renewed));
        var item = scenario.uploadItem(version);
        assertThat(item.get("status").s()).isEqualTo("VALIDATING");
        assertThat(item.get("pollAt").n()).isEqualTo(Long.toString(UploadScenario.T0.plusSeconds(60).getEpochSecond()));
        assertThat(item.get("leafNotAfter").s()).isEqualTo(renewed.certificate().getNotAfter().toInstant().toString());
        assertThat(scenario.log()).contains("\"event\":\"upload\"").contains("\"outcome\":\"uploaded\"");
    }

    @Test
    void cloudTrailPutSecretValue_uploadsTheVersionInTheResponse_andUpdateSecretWithoutOneUploadsAwsCurrent() {
        String first = scenario.putCurrent(scenario.world.bundlePem(scenario.leaf(130)));
        JsonObject put = scenario.invoke(scenario.cloudTrailEvent(first));

        String second = scenario.putCurrent(scenario.world.bundlePem(scenario.leaf(160)));
        String updateSecret = scenario.cloudTrailEvent("unused").replace("\"PutSecretValue\"", "\"UpdateSecret\"")
                .replaceAll("(?s)\"responseElements\": \\{.*?\\}", "\"responseElements\": null");
        JsonObject update = scenario.invoke(updateSecret);

        assertThat(put.string("trigger")).isEqualTo("cloudtrail_PutSecretValue");
        assertThat(put.string("version")).isEqualTo(first);
        assertThat(put.string("outcome")).isEqualTo("uploaded");
        assertThat(update.string("trigger")).isEqualTo("cloudtrail_UpdateSecret");
        assertThat(update.string("version")).isEqualTo(second);
        assertThat(update.string("outcome")).isEqualTo("uploaded");
        assertThat(scenario.certificatePosts()).hasSize(2);
    }

    @Test
    void theFourRotationSteps_inOrderAndEachRepeated_uploadOnce_andMoveAwsCurrentOnlyOnceServed() {
        scenario.enableRotation();
        HeldCertificate renewed = scenario.leaf(130);
        String token = UploadScenario.newToken();
        scenario.putPending(token, scenario.world.bundlePem(renewed));
        scenario.world.tls().serve(HOST, scenario.world.chain(renewed)); // Twilio serves the new leaf once validated

        String before = scenario.secrets().describeSecret(b -> b.secretId(scenario.secretName)).versionIdsToStages()
                .entrySet().stream().filter(e -> e.getValue().contains("AWSCURRENT")).findFirst().orElseThrow().getKey();
        List<String> messages = new ArrayList<>();
        for (String step : List.of("createSecret", "setSecret", "testSecret", "finishSecret")) {
            messages.add(step + ": " + scenario.invoke(scenario.rotationEvent(step, token)).string("message"));
            messages.add(step + ": " + scenario.invoke(scenario.rotationEvent(step, token)).string("message"));
        }

        assertThat(messages).containsExactly(
                "createSecret: the AWSPENDING version " + token + " holds a value: nothing to create",
                "createSecret: the AWSPENDING version " + token + " holds a value: nothing to create",
                "setSecret: uploaded to Twilio; Twilio is validating it",
                "setSecret: already uploaded (VALIDATING)",
                "testSecret: Twilio validated the certificate and links.example.com serves it",
                "testSecret: Twilio validated the certificate and links.example.com serves it",
                "finishSecret: AWSCURRENT moved to version " + token + " from " + before + " (LIVE)",
                "finishSecret: version " + token + " is already AWSCURRENT: nothing to do");
        assertThat(scenario.certificatePosts()).hasSize(1);
        assertThat(scenario.sleeps).containsExactly(Duration.ofSeconds(10)); // pending once, then validated and served
        var current = scenario.secrets().getSecretValue(b -> b.secretId(scenario.secretName).versionStage("AWSCURRENT"));
        assertThat(current.versionId()).isEqualTo(token);
        assertThat(scenario.secrets().describeSecret(b -> b.secretId(scenario.secretName)).versionIdsToStages().get(token))
                .containsExactly("AWSCURRENT");
        assertThat(scenario.stack.inbox().subjects())
                .containsExactly("[RESOLVED INFO] links.example.com certificate replaced, now expires 2027-03-11");

        // Moving AWSCURRENT emits "Secret Label Updated" for the token: a duplicate, nothing is posted again.
        JsonObject labelMoved = scenario.invoke(scenario.labelUpdatedEvent(token));
        assertThat(labelMoved.string("outcome")).isEqualTo("duplicate");
        assertThat(labelMoved.string("status")).isEqualTo("LIVE");
        assertThat(scenario.certificatePosts()).hasSize(1);
    }

    @Test
    void aStepForAnUnknownVersion_andTestSecret_outOfTime_andFinishSecret_beforeTwilioValidated_failClearly() {
        scenario.enableRotation();
        String unknown = UploadScenario.newToken();
        assertThatThrownBy(() -> scenario.invoke(scenario.rotationEvent("createSecret", unknown)))
                .isInstanceOf(RotationStepException.class)
                .hasMessageContaining("createSecret for secret " + scenario.secretName + " failed: version " + unknown
                        + " is not the secret's AWSPENDING version (its labels: none;");
        String token = UploadScenario.newToken();
        scenario.putPending(token, scenario.world.bundlePem(scenario.leaf(130)));
        scenario.world.twilio().addDomain(io.certguard.simulator.SimulatedDomain.of(SID, HOST)
                .withCertificateExpiring(UploadScenario.T0.plus(Duration.ofDays(40)))
                .withValidationPlan(io.certguard.simulator.ValidationPlan.afterReads(1_000,
                        io.certguard.simulator.ValidationOutcome.PROMOTE)));

        scenario.invoke(scenario.rotationEvent("setSecret", token));
        TestLambdaContext running = new TestLambdaContext(() -> Duration.ofSeconds(45)
                .minus(scenario.sleeps.stream().reduce(Duration.ZERO, Duration::plus)));
        assertThatThrownBy(() -> scenario.invoke(scenario.rotationEvent("testSecret", token), running))
                .isInstanceOf(RotationStepException.class)
                .hasMessageContaining("testSecret for secret " + scenario.secretName + " failed: version " + token
                        + " is still VALIDATING after 2 polls in this invocation (pending)");
        assertThat(scenario.sleeps).containsExactly(Duration.ofSeconds(10));
        assertThatThrownBy(() -> scenario.invoke(scenario.rotationEvent("finishSecret", token)))
                .isInstanceOf(RotationStepException.class)
                .hasMessageContaining("is VALIDATING, not validated by Twilio");
        assertThat(scenario.secrets().describeSecret(b -> b.secretId(scenario.secretName)).versionIdsToStages().get(token))
                .containsExactly("AWSPENDING");
        assertThat(scenario.log()).contains("\"level\":\"ERROR\"").contains("\"error\":\"RotationStepException\"");
    }

    @Test
    void aRejectedBundle_isNotPosted_andTheAlarmListsTheFindings() {
        HeldCertificate renewed = scenario.leaf(130);
        HeldCertificate stranger = scenario.leaf(130);
        String mismatched = scenario.world.pki().chainPem(renewed) + stranger.privateKeyPkcs8Pem();
        String version = scenario.putCurrent(mismatched);

        JsonObject result = scenario.invoke(scenario.labelUpdatedEvent(version));

        assertThat(result.string("outcome")).isEqualTo("rejected");
        assertThat(result.string("status")).isEqualTo("REJECTED");
        assertThat(scenario.certificatePosts()).isEmpty();
        List<JsonObject> alarms = scenario.stack.inbox().drain();
        assertThat(alarms).hasSize(1);
        JsonObject alarm = alarms.get(0);
        assertThat(alarm.string("Subject")).isEqualTo("[30132 WARNING] links.example.com replacement certificate not uploaded");
        assertThat(SqsInbox.attribute(alarm, "alarm_type")).isEqualTo("UPLOAD_REJECTED");
        assertThat(SqsInbox.attribute(alarm, "error_code")).isEqualTo("30132");
        assertThat(alarm.string("Message")).contains("Secret version:    " + version)
                .contains("the bundle has 1 error:").contains("- ERROR KEY_MISMATCH").contains("- WARNING EC_KEY");
        assertThat(scenario.status(version)).isEqualTo("REJECTED");
    }

    @Test
    void twilioRefusingTheCertificate_isRejectedByApi_withTwiliosCodeAndMessageInTheAlarm() {
        scenario.world.twilio().enqueueFault(TwilioFault.CERTIFICATE_REJECTED, Pattern.compile("^/v1/.*/Certificate$"));
        String version = scenario.putCurrent(scenario.world.bundlePem(scenario.leaf(130)));

        JsonObject result = scenario.invoke(scenario.labelUpdatedEvent(version));

        assertThat(result.string("outcome")).isEqualTo("rejected");
        assertThat(result.string("status")).isEqualTo("REJECTED_BY_API");
        assertThat(scenario.certificatePosts()).hasSize(1);
        List<JsonObject> alarms = scenario.stack.inbox().drain();
        assertThat(alarms).extracting(a -> a.string("Subject"))
                .containsExactly("[30132 WARNING] links.example.com replacement certificate not uploaded");
        assertThat(alarms.get(0).string("Message")).contains("Twilio refused it")
                .contains("HTTP 400 (Twilio error 30132: Certificate cannot be validated");
    }

    @Test
    void twilioUnavailable_failsTheInvocation_andTheRetryUploads() {
        for (int i = 0; i < 4; i++) { // every attempt of the client's retry budget
            scenario.world.twilio().enqueueFault(TwilioFault.SERVICE_UNAVAILABLE, Pattern.compile("^/v1/.*/Certificate$"));
        }
        String version = scenario.putCurrent(scenario.world.bundlePem(scenario.leaf(130)));

        assertThatThrownBy(() -> scenario.invoke(scenario.labelUpdatedEvent(version)))
                .isInstanceOf(TransientUploadException.class)
                .hasMessageContaining("TwilioUnavailableException")
                .hasMessageContaining("the claim was released and a retry takes it over");
        assertThat(scenario.status(version)).isEqualTo("IN_PROGRESS");
        JsonObject retried = scenario.invoke(scenario.labelUpdatedEvent(version));

        assertThat(retried.string("outcome")).isEqualTo("uploaded");
        assertThat(scenario.world.twilio().lastAcceptedTlsCert(SID)).isPresent();
        assertThat(scenario.stack.inbox().drain()).isEmpty();
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneVersion_postExactlyOnce() throws Exception {
        String version = scenario.putCurrent(scenario.world.bundlePem(scenario.leaf(130)));
        String event = scenario.labelUpdatedEvent(version);
        scenario.handler(); // built once, as a warm container would be
        int deliveries = 50;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        List<String> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonObject>> runs = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return scenario.invoke(event);
                }));
            }
            start.countDown();
            for (Future<JsonObject> run : runs) {
                outcomes.add(run.get(60, TimeUnit.SECONDS).string("outcome"));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(scenario.certificatePosts()).hasSize(1);
        assertThat(outcomes).hasSize(deliveries).containsOnlyOnce("uploaded").containsOnly("uploaded", "duplicate");
        assertThat(scenario.status(version)).isEqualTo("VALIDATING");
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneWasUploaded_isNotUploaded_notNewer() {
        String older = scenario.putCurrent(scenario.world.bundlePem(scenario.leaf(100)));
        String newer = scenario.putCurrent(scenario.world.bundlePem(scenario.leaf(130)));
        scenario.invoke(scenario.labelUpdatedEvent(newer));

        JsonObject late = scenario.invoke(scenario.labelUpdatedEvent(older));

        assertThat(late.string("outcome")).isEqualTo("rejected");
        assertThat(late.string("detail")).contains("- ERROR NOT_NEWER");
        assertThat(scenario.certificatePosts()).hasSize(1);
        assertThat(scenario.status(older)).isEqualTo("REJECTED");
        assertThat(scenario.stack.inbox().subjects())
                .containsExactly("[30132 WARNING] links.example.com replacement certificate not uploaded");
    }

    @Test
    void anEventItCannotProcess_isAcknowledged_notThrown() {
        JsonObject result = scenario.invoke(ProjectFiles.event("scan-schedule.json"));

        assertThat(result.string("outcome")).isEqualTo("invalid_event");
        assertThat(result.string("reason")).contains("unsupported event: source \"aws.events\"");
        assertThat(scenario.log()).contains("\"outcome\":\"invalid_event\"");
        assertThat(scenario.certificatePosts()).isEmpty();
    }

    @Test
    void aSecretWithoutADomain_isAnErrorResult_withoutAnUpload_andAlarmedOnce() {
        String untagged = "certguard/certificates/" + AwsEmulator.uniqueName("untagged");
        var created = scenario.secrets().createSecret(b -> b.name(untagged)
                .secretString(scenario.world.bundlePem(scenario.leaf(130))));
        String event = scenario.labelUpdatedEvent(created.versionId()).replace(scenario.secretArn, created.arn())
                .replace("\"" + scenario.secretName + "\"", "\"" + untagged + "\"");

        JsonObject result = scenario.invoke(event);

        assertThat(result.string("outcome")).isEqualTo("unresolved");
        assertThat(result.string("level")).isEqualTo("ERROR");
        assertThat(result.string("reason")).endsWith("the secret names no domain: tag it certguard:domain-sid=DN… or put"
                + " \"domainSid\" in the JSON bundle");
        assertThat(scenario.certificatePosts()).isEmpty();
        scenario.invoke(event); // a duplicate delivery alarms nothing more
        List<JsonObject> alarms = scenario.stack.inbox().drain();
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).string("Subject")).startsWith("[30132 WARNING] certificate secret certguard/certificates/");
        assertThat(alarms.get(0).string("Message")).contains("tag the secret certguard:domain-sid=DN...");
    }
}
