package io.certguard.upload;

import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.lambda.InvalidEventException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Recognises the upload function's events; anything else is an {@link InvalidEventException} that says what it saw. */
public final class UploadTriggers {

    private static final String LABEL_UPDATED = "Secret Label Updated";
    private static final String CLOUDTRAIL_CALL = "AWS API Call via CloudTrail";
    private static final Set<String> WRITES = Set.of("PutSecretValue", "UpdateSecret");

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
            if (source.orElse("").equals("aws.secretsmanager") && detailType.orElse("").equals(LABEL_UPDATED)) {
                return labelUpdated(event);
            }
            if (source.orElse("").equals("aws.secretsmanager") && detailType.orElse("").equals(CLOUDTRAIL_CALL)) {
                return secretWritten(event);
            }
            throw new InvalidEventException("unsupported event: source \"" + source.orElse("") + "\", detail-type \""
                    + detailType.orElse("") + "\"; expected aws.secretsmanager \"" + LABEL_UPDATED + "\" or \""
                    + CLOUDTRAIL_CALL + "\"");
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

    /** A CloudTrail record of a Secrets Manager call; only successful value writes start an upload. */
    private static UploadTrigger secretWritten(JsonObject event) {
        JsonObject detail = event.object("detail");
        String eventSource = detail.optionalString("eventSource").orElse("");
        String eventName = detail.optionalString("eventName").orElse("");
        if (!eventSource.equals("secretsmanager.amazonaws.com") || !WRITES.contains(eventName)) {
            throw new InvalidEventException("CloudTrail call \"" + eventName + "\" from \"" + eventSource
                    + "\" does not write a secret value; expected secretsmanager.amazonaws.com PutSecretValue or UpdateSecret");
        }
        Optional<String> errorCode = detail.optionalString("errorCode");
        if (errorCode.isPresent()) {
            throw new InvalidEventException(eventName + " failed (errorCode " + errorCode.get()
                    + "): no new version to upload");
        }
        Optional<JsonObject> response = detail.optionalObject("responseElements");
        Optional<String> arn = response.flatMap(r -> r.optionalString("arn").or(() -> r.optionalString("aRN")));
        Optional<String> requested = detail.optionalObject("requestParameters").flatMap(p -> p.optionalString("secretId"));
        String secretId = arn.or(() -> requested).orElseThrow(() -> new InvalidEventException(eventName
                + " event names no secret: neither responseElements.arn nor requestParameters.secretId"));
        return new UploadTrigger.SecretWritten(secretId, eventName,
                response.flatMap(r -> r.optionalString("versionId")).filter(v -> !v.isBlank()));
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
