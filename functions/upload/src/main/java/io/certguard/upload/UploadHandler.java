package io.certguard.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.lambda.InvalidEventException;
import io.certguard.lambda.LambdaEvents;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point for new certificate-bundle versions and rotation steps. So far it recognises its events and refuses
 * secrets outside the configured prefix; bundle validation and the Twilio upload are the upload issue's work, and until
 * then it answers {@code "uploaded": false} with the reason rather than pretending.
 */
public final class UploadHandler implements RequestStreamHandler {

    private final String certificateSecretPrefix;

    public UploadHandler() {
        this(UploadWiring.fromEnvironment(System.getenv()).certificateSecretPrefix());
    }

    UploadHandler(String certificateSecretPrefix) {
        this.certificateSecretPrefix = certificateSecretPrefix;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            UploadTrigger trigger = UploadTriggers.parse(LambdaEvents.read(input));
            result.put("trigger", trigger.getClass().getSimpleName());
            result.put("secret", trigger.secretId());
            result.put("uploaded", false);
            result.put("reason", withinPrefix(trigger)
                    ? "bundle validation and upload are not built yet"
                    : "secret is outside the certificate prefix " + certificateSecretPrefix);
        } catch (InvalidEventException e) {
            // Acknowledge: a malformed event cannot succeed on retry.
            result.put("uploaded", false);
            result.put("reason", "invalid event: " + e.getMessage());
        }
        System.out.println(io.certguard.json.Json.write(result));
        LambdaEvents.write(output, result);
    }

    private boolean withinPrefix(UploadTrigger trigger) {
        String id = trigger.secretId();
        String name = trigger instanceof UploadTrigger.NewVersion v ? v.secretName() : id;
        return name.startsWith(certificateSecretPrefix) || id.contains(":secret:" + certificateSecretPrefix);
    }
}
