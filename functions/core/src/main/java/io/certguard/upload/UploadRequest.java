package io.certguard.upload;

import java.util.Objects;
import java.util.Optional;

/**
 * Which bundle version to upload.
 *
 * @param secretId       name or ARN
 * @param versionId      the version; empty means the one labelled AWSCURRENT
 * @param forRotation    the rotation's setSecret: the AWSPENDING version is what it uploads. Other triggers leave an
 *                       AWSPENDING-only version to the rotation.
 */
public record UploadRequest(String secretId, Optional<String> versionId, boolean forRotation) {

    public UploadRequest {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(versionId, "versionId");
    }

    public static UploadRequest of(UploadTrigger.NewVersion trigger) {
        return new UploadRequest(trigger.secretId(), Optional.of(trigger.versionId()), false);
    }

    public static UploadRequest of(UploadTrigger.SecretWritten trigger) {
        return new UploadRequest(trigger.secretId(), trigger.versionId(), false);
    }

    public static UploadRequest rotation(String secretId, String clientRequestToken) {
        return new UploadRequest(secretId, Optional.of(clientRequestToken), true);
    }
}
