package io.certguard.upload;

import java.util.Objects;
import java.util.Optional;

/** Why the upload function runs: a new certificate-bundle version became current, or a rotation step. */
public sealed interface UploadTrigger {

    /** The secret to read. */
    String secretId();

    /**
     * EventBridge "Secret Label Updated" with label AWSCURRENT: a new version of a bundle secret is current
     * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/event-detail-secret-label-updated-secretsmanager.html).
     */
    record NewVersion(String secretId, String secretName, String versionId) implements UploadTrigger {
        public NewVersion {
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(secretName, "secretName");
            Objects.requireNonNull(versionId, "versionId");
        }
    }

    /**
     * EventBridge "AWS API Call via CloudTrail" for {@code PutSecretValue} or {@code UpdateSecret}: a value was written
     * (needs a CloudTrail trail). {@code versionId} is the response's {@code versionId} when CloudTrail recorded one;
     * otherwise the version to upload is the one labelled AWSCURRENT.
     */
    record SecretWritten(String secretId, String eventName, Optional<String> versionId) implements UploadTrigger {
        public SecretWritten {
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(eventName, "eventName");
            Objects.requireNonNull(versionId, "versionId");
        }
    }

    /** A Secrets Manager rotation step for the version {@code clientRequestToken}. */
    record RotationStep(RotationStepName step, String secretId, String clientRequestToken) implements UploadTrigger {
        public RotationStep {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        }
    }

    /** The four steps of the rotation contract, as spelled on the wire. */
    enum RotationStepName {
        CREATE_SECRET("createSecret"), SET_SECRET("setSecret"), TEST_SECRET("testSecret"), FINISH_SECRET("finishSecret");

        private final String wireName;

        RotationStepName(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
