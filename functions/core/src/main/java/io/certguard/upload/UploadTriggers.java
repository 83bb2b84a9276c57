package io.certguard.upload;

import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.lambda.InvalidEventException;
import java.util.Arrays;
import java.util.Optional;

/** Recognises the upload function's events; anything else is an {@link InvalidEventException} that says what it saw. */
public final class UploadTriggers {

    private static final String LABEL_UPDATED = "Secret Label Updated";

    private UploadTriggers() {
    }

    public static UploadTrigger parse(JsonObject event) {
        try {
            if (event.has("Step")) {
                return rotation(event);
            }
            Optional<String> source = event.optionalString("source");
            Optional<String> detailType = event.optionalString("detail-type");
            if (source.isEmpty() && detailType.isEmpty()) {
                throw new InvalidEventException("not a Secrets Manager rotation step (no \"Step\") nor an EventBridge event"
                        + " (no \"source\"/\"detail-type\"); members: " + event.asMap().keySet());
            }
            if (!source.orElse("").equals("aws.secretsmanager") || !detailType.orElse("").equals(LABEL_UPDATED)) {
                throw new InvalidEventException("unsupported event: source \"" + source.orElse("") + "\", detail-type \""
                        + detailType.orElse("") + "\"; expected aws.secretsmanager \"" + LABEL_UPDATED + "\"");
            }
            return labelUpdated(event);
        } catch (JsonFormatException e) {
            throw new InvalidEventException("malformed event: " + e.getMessage());
        }
    }

    private static UploadTrigger labelUpdated(JsonObject event) {
        JsonObject detail = event.object("detail");
        String label = detail.optionalString("labelUpdated").orElse("");
        if (!label.equals("AWSCURRENT")) {
            throw new InvalidEventException("label \"" + label + "\" moved; only AWSCURRENT starts an upload");
        }
        String name = detail.string("name");
        String versionId = detail.string("versionId");
        String secretId = event.optionalArray("resources")
                .flatMap(resources -> resources.stream().filter(String.class::isInstance).map(String.class::cast).findFirst())
                .orElse(name);
        return new UploadTrigger.NewVersion(secretId, name, versionId);
    }

    private static UploadTrigger rotation(JsonObject event) {
        String wire = event.string("Step");
        UploadTrigger.RotationStepName step = Arrays.stream(UploadTrigger.RotationStepName.values())
                .filter(s -> s.wireName().equals(wire))
                .findFirst()
                .orElseThrow(() -> new InvalidEventException("unknown rotation step \"" + wire
                        + "\"; expected createSecret, setSecret, testSecret or finishSecret"));
        return new UploadTrigger.RotationStep(step, event.string("SecretId"), event.string("ClientRequestToken"));
    }
}
