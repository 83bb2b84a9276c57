package io.certguard.upload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rotation step that succeeded (a failed step throws {@link RotationStepException}).
 *
 * @param message what the step did or found, for the log
 * @param upload  setSecret's upload outcome
 * @param polls   how many times testSecret polled Twilio
 */
public record RotationResult(UploadTrigger.RotationStepName step, String secretId, String versionId, String message,
        Optional<UploadOutcome> upload, int polls) {

    public RotationResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(upload, "upload");
    }

    static RotationResult of(UploadTrigger.RotationStep step, String message) {
        return new RotationResult(step.step(), step.secretId(), step.clientRequestToken(), message, Optional.empty(), 0);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", "done");
        json.put("step", step.wireName());
        json.put("secret", secretId);
        json.put("version", versionId);
        json.put("message", message);
        if (polls > 0) {
            json.put("polls", polls);
        }
        upload.ifPresent(u -> json.put("upload", u.toJson()));
        return json;
    }
}
