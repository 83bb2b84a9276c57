package io.certguard.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.TestLambdaContext;
import io.certguard.twilio.TwilioUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The handler over the in-memory world of the core tests: what it logs and returns, and when it throws. Runs without
 * the AWS emulator.
 */
class UploadLambdaTest {

    private final UploadWorld world = new UploadWorld(40);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final UploadLambda handler = new UploadLambda(new UploadWiring.Upload(world.uploader,
            new SecretRotation(world.secrets, world.secrets, world.uploader, world.poller, world.settings,
                    SecretRotation.Wait.defaults(), duration -> world.clock.advance(duration), world.clock)),
            world.clock, new PrintStream(logBytes, true, StandardCharsets.UTF_8));

    private JsonObject invoke(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                TestLambdaContext.withRemaining(Duration.ofMinutes(14)));
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    private String labelUpdated(String versionId) {
        return ProjectFiles.event("secret-label-updated.json")
                .replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                        world.secrets.arn(UploadWorld.SECRET))
                .replace("EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE", versionId);
    }

    private List<String> logLines() {
        return logBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anUpload_isLoggedAsOneJsonLine_andReturned() {
        world.secrets.put(UploadWorld.SECRET, "v2", UploadWorld.bundle(UploadWorld.leaf(120)), "AWSCURRENT");

        JsonObject result = invoke(labelUpdated("v2"));

        assertThat(result.string("outcome")).isEqualTo("uploaded");
        assertThat(result.string("level")).isEqualTo("INFO");
        assertThat(result.string("requestId")).isEqualTo("test-request-id");
        assertThat(logLines()).hasSize(1);
        assertThat(Json.parseObject(logLines().get(0)).asMap()).isEqualTo(result.asMap());
    }

    @Test
    void anEventItCannotProcess_isAcknowledged() {
        JsonObject result = invoke("{\"Step\":\"dropSecret\",\"SecretId\":\"s\",\"ClientRequestToken\":\"t\"}");

        assertThat(result.string("outcome")).isEqualTo("invalid_event");
        assertThat(result.string("reason")).isEqualTo("unknown rotation step \"dropSecret\"; expected createSecret,"
                + " setSecret, testSecret or finishSecret");
        assertThat(logLines()).hasSize(1);
    }

    @Test
    void aTransientFailure_isLoggedAndThrown_soTheEventIsRetried() {
        world.secrets.put(UploadWorld.SECRET, "v2", UploadWorld.bundle(UploadWorld.leaf(120)), "AWSCURRENT");
        world.twilio.postFailures.add(new TwilioUnavailableException("POST …: HTTP 500", 500, Optional.empty(), null));

        assertThatThrownBy(() -> invoke(labelUpdated("v2"))).isInstanceOf(TransientUploadException.class);

        JsonObject line = Json.parseObject(logLines().get(0));
        assertThat(line.string("level")).isEqualTo("ERROR");
        assertThat(line.string("outcome")).isEqualTo("failed");
        assertThat(line.string("error")).isEqualTo("TransientUploadException");
        assertThat(line.string("message")).contains("TwilioUnavailableException: POST …: HTTP 500");
    }

    @Test
    void anAlarmThatCouldNotBePublished_failsTheInvocationAfterLogging_andTheRetryPublishesIt() {
        world.secrets.put(UploadWorld.SECRET, "v2", UploadWorld.bundle(UploadWorld.leaf(5)), "AWSCURRENT");
        world.publishFails.set(true);

        assertThatThrownBy(() -> invoke(labelUpdated("v2"))).isInstanceOf(TransientUploadException.class)
                .hasMessageContaining("1 alarm(s) about version v2")
                .hasMessageContaining("failing so that the retry publishes them");
        world.publishFails.set(false);
        JsonObject retried = invoke(labelUpdated("v2"));

        assertThat(logLines()).hasSize(2);
        JsonObject failed = Json.parseObject(logLines().get(0));
        assertThat(failed.string("outcome")).isEqualTo("rejected");
        assertThat(failed.string("level")).isEqualTo("ERROR");
        assertThat(failed.optionalNumber("alarmsPending")).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(1));
        assertThat(retried.string("outcome")).isEqualTo("duplicate");
        assertThat(world.subjects()).containsExactly("[30132 WARNING] links.example.com replacement certificate not uploaded");
    }

    @Test
    void aRotationStep_isReportedWithItsMessage() {
        world.secrets.put(UploadWorld.SECRET, "7c1e0d3a-5b2f-4e8a-9d6c-0f1e2d3c4b5a",
                UploadWorld.bundle(UploadWorld.leaf(120)), "AWSPENDING");
        String event = ProjectFiles.event("rotation-createSecret.json")
                .replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                        world.secrets.arn(UploadWorld.SECRET))
                .replace("EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE", "7c1e0d3a-5b2f-4e8a-9d6c-0f1e2d3c4b5a");

        JsonObject result = invoke(event);

        assertThat(result.string("event")).isEqualTo("rotation_step");
        assertThat(result.string("step")).isEqualTo("createSecret");
        assertThat(result.string("message")).isEqualTo("the AWSPENDING version 7c1e0d3a-5b2f-4e8a-9d6c-0f1e2d3c4b5a holds"
                + " a value: nothing to create");
    }
}
