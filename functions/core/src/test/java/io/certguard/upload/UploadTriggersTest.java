package io.certguard.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.json.Json;
import io.certguard.lambda.InvalidEventException;
import io.certguard.testing.ProjectFiles;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UploadTriggersTest {

    @Test
    void secretLabelUpdatedSample_isANewVersionOfTheSecretInResources() {
        UploadTrigger trigger = UploadTriggers.parse(Json.parseObject(ProjectFiles.event("secret-label-updated.json")));

        assertThat(trigger).isEqualTo(new UploadTrigger.NewVersion(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                "certguard/certificates/links.example.com", "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE"));
    }

    @Test
    void cloudTrailSample_isAWriteOfTheSecretInTheResponse_withItsVersion() {
        UploadTrigger trigger = UploadTriggers.parse(Json.parseObject(ProjectFiles.event("secret-put-via-cloudtrail.json")));

        assertThat(trigger).isEqualTo(new UploadTrigger.SecretWritten(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                "PutSecretValue", Optional.of("EXAMPLE4-90ab-cdef-fedc-ba987EXAMPLE")));
    }

    @Test
    void cloudTrailUpdateSecret_withoutResponseVersion_meansAwsCurrent_ofTheRequestedSecret() {
        String json = ProjectFiles.event("secret-put-via-cloudtrail.json")
                .replace("\"PutSecretValue\"", "\"UpdateSecret\"")
                .replaceAll("(?s)\"responseElements\": \\{.*?\\}", "\"responseElements\": null");

        UploadTrigger trigger = UploadTriggers.parse(Json.parseObject(json));

        assertThat(trigger).isEqualTo(new UploadTrigger.SecretWritten("certguard/certificates/links.example.com",
                "UpdateSecret", Optional.empty()));
    }

    @Test
    void cloudTrailOlderSpelling_aRN_isRead() {
        String json = ProjectFiles.event("secret-put-via-cloudtrail.json").replace("\"arn\": \"arn:aws:secretsmanager",
                "\"aRN\": \"arn:aws:secretsmanager");

        assertThat(UploadTriggers.parse(Json.parseObject(json)).secretId()).endsWith("links.example.com-AbCdEf");
    }

    static Stream<Arguments> rotationSamples() {
        return Stream.of(
                Arguments.of("rotation-createSecret.json", UploadTrigger.RotationStepName.CREATE_SECRET),
                Arguments.of("rotation-setSecret.json", UploadTrigger.RotationStepName.SET_SECRET),
                Arguments.of("rotation-testSecret.json", UploadTrigger.RotationStepName.TEST_SECRET),
                Arguments.of("rotation-finishSecret.json", UploadTrigger.RotationStepName.FINISH_SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rotationSamples")
    void rotationSamples_areRotationSteps(String file, UploadTrigger.RotationStepName step) {
        UploadTrigger trigger = UploadTriggers.parse(Json.parseObject(ProjectFiles.event(file)));

        assertThat(trigger).isInstanceOfSatisfying(UploadTrigger.RotationStep.class, r -> {
            assertThat(r.step()).isEqualTo(step);
            assertThat(r.clientRequestToken()).isEqualTo("EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE");
            assertThat(r.secretId()).endsWith("links.example.com-AbCdEf");
        });
    }

    static Stream<Arguments> invalidEvents() {
        return Stream.of(
                Arguments.of("empty object", "{}", "not a Secrets Manager rotation step"),
                Arguments.of("other source", "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\"}", "unsupported event"),
                Arguments.of("other label", "{\"source\":\"aws.secretsmanager\",\"detail-type\":\"Secret Label Updated\","
                        + "\"detail\":{\"name\":\"n\",\"labelUpdated\":\"custom\",\"versionId\":\"v\"}}", "only AWSCURRENT"),
                Arguments.of("missing versionId", "{\"source\":\"aws.secretsmanager\",\"detail-type\":\"Secret Label Updated\","
                        + "\"detail\":{\"name\":\"n\",\"labelUpdated\":\"AWSCURRENT\"}}", "\"versionId\""),
                Arguments.of("detail of the wrong type", "{\"source\":\"aws.secretsmanager\","
                        + "\"detail-type\":\"Secret Label Updated\",\"detail\":[]}", "\"detail\" should be a object"),
                Arguments.of("unknown step", "{\"Step\":\"dropSecret\",\"SecretId\":\"s\",\"ClientRequestToken\":\"t\"}",
                        "unknown rotation step \"dropSecret\""),
                Arguments.of("step of the wrong type", "{\"Step\":1,\"SecretId\":\"s\",\"ClientRequestToken\":\"t\"}",
                        "\"Step\" should be a string"),
                Arguments.of("CloudTrail read", cloudTrail("GetSecretValue", ""), "does not write a secret value"),
                Arguments.of("CloudTrail from another service", cloudTrail("PutSecretValue", "")
                        .replace("secretsmanager.amazonaws.com", "ssm.amazonaws.com"), "does not write a secret value"),
                Arguments.of("CloudTrail failed call", cloudTrail("PutSecretValue", ",\"errorCode\":\"AccessDenied\""),
                        "PutSecretValue failed (errorCode AccessDenied)"),
                Arguments.of("CloudTrail without a secret", "{\"source\":\"aws.secretsmanager\",\"detail-type\":"
                        + "\"AWS API Call via CloudTrail\",\"detail\":{\"eventSource\":\"secretsmanager.amazonaws.com\","
                        + "\"eventName\":\"UpdateSecret\"}}", "names no secret"),
                Arguments.of("rotation without token", "{\"Step\":\"setSecret\",\"SecretId\":\"s\"}", "\"ClientRequestToken\""));
    }

    private static String cloudTrail(String eventName, String extra) {
        return "{\"source\":\"aws.secretsmanager\",\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":{"
                + "\"eventSource\":\"secretsmanager.amazonaws.com\",\"eventName\":\"" + eventName + "\","
                + "\"requestParameters\":{\"secretId\":\"certguard/x\"}" + extra + "}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEvents")
    void invalidEvents_sayWhatIsWrong(String name, String json, String message) {
        assertThatThrownBy(() -> UploadTriggers.parse(Json.parseObject(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(message);
    }
}
