package io.certguard.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.json.Json;
import io.certguard.lambda.InvalidEventException;
import io.certguard.lambda.CommonPriming;
import io.certguard.lambda.LambdaEvents;
import io.certguard.lambda.SnapStartPriming;
import io.certguard.retry.Sleeper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Entry point for new certificate-bundle versions (EventBridge "Secret Label Updated", or a PutSecretValue/UpdateSecret
 * call through CloudTrail) and Secrets Manager rotation steps. Reads the event, runs the use case, logs one JSON line
 * (identities and reasons, never secret values) and returns it.
 *
 * <ul>
 * <li>An event it cannot process is acknowledged (logged and returned): retrying it could never succeed.</li>
 * <li>A transient failure (Twilio 429/5xx after the client's retries, AWS unreachable, an alarm not published) and a
 * failed rotation step throw, so Lambda/EventBridge retry the event (idempotency keeps that safe) and Secrets Manager
 * sees the rotation fail.</li>
 * </ul>
 */
public final class UploadLambda implements RequestStreamHandler {

    /** The wait budget of a rotation step invoked without a Lambda context (local runs). */
    static final Duration BUDGET_WITHOUT_CONTEXT = Duration.ofMinutes(2);
    /** SnapStart priming of the parts shared by every function, registered from the handler class as Lambda requires. */
    private static final Object PRIMING = SnapStartPriming.register("upload", CommonPriming::prime);

    private final CertificateUploader uploader;
    private final SecretRotation rotation;
    private final Clock clock;
    private final PrintStream log;

    /** Used by the Lambda runtime: configuration from the environment, clients built here, at init. */
    public UploadLambda() {
        this(UploadWiring.fromEnvironment(System.getenv(), Clock.systemUTC(), Sleeper.SYSTEM), Clock.systemUTC(),
                System.out);
    }

    /** For tests: the production wiring from {@code environment}, with a test clock, sleeper and log. */
    static UploadLambda wiredFrom(Map<String, String> environment, Clock clock, Sleeper sleeper, PrintStream log) {
        return new UploadLambda(UploadWiring.fromEnvironment(environment, clock, sleeper), clock, log);
    }

    UploadLambda(UploadWiring.Upload upload, Clock clock, PrintStream log) {
        this.uploader = Objects.requireNonNull(upload.uploader(), "uploader");
        this.rotation = Objects.requireNonNull(upload.rotation(), "rotation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        UploadTrigger trigger;
        try {
            trigger = UploadTriggers.parse(LambdaEvents.read(input));
        } catch (InvalidEventException e) {
            Map<String, Object> result = line("WARN", "upload", context);
            result.put("outcome", "invalid_event");
            result.put("reason", e.getMessage());
            finish(result, output);
            return;
        }
        Result result;
        try {
            result = run(trigger, context);
        } catch (RuntimeException e) {
            Map<String, Object> failed = line("ERROR", trigger instanceof UploadTrigger.RotationStep ? "rotation_step"
                    : "upload", context);
            failed.put("trigger", name(trigger));
            failed.put("outcome", "failed");
            failed.put("secret", trigger.secretId());
            failed.put("error", e.getClass().getSimpleName());
            failed.put("message", String.valueOf(e.getMessage()));
            log.println(Json.write(failed));
            throw e;
        }
        if (result.alarmsPending() > 0) {
            Map<String, Object> json = result.json();
            json.put("level", "ERROR");
            json.put("error", "alarms not published; failing so that the retry publishes them");
            log.println(Json.write(json));
            throw new TransientUploadException(result.alarmsPending() + " alarm(s) about version "
                    + json.getOrDefault("version", "?") + " of secret " + json.get("secret") + " could not be published"
                    + " and are kept in the upload record's outbox; failing so that the retry publishes them", null);
        }
        finish(result.json(), output);
    }

    /** The log line and result of one event, and how many alarms it left unpublished. */
    private record Result(Map<String, Object> json, int alarmsPending) {
    }

    private Result run(UploadTrigger trigger, Context context) {
        return switch (trigger) {
            case UploadTrigger.NewVersion v -> outcome(trigger, uploader.upload(UploadRequest.of(v), clock.instant()), context);
            case UploadTrigger.SecretWritten w -> outcome(trigger, uploader.upload(UploadRequest.of(w), clock.instant()),
                    context);
            case UploadTrigger.RotationStep step -> {
                Map<String, Object> result = line("INFO", "rotation_step", context);
                result.put("trigger", name(trigger));
                result.putAll(rotation.run(step, remaining(context)).toJson());
                yield new Result(result, 0);
            }
        };
    }

    private Result outcome(UploadTrigger trigger, UploadOutcome outcome, Context context) {
        String level = switch (outcome) {
            case UploadOutcome.Unresolved u -> "ERROR";
            case UploadOutcome.Rejected r -> "WARN";
            default -> "INFO";
        };
        Map<String, Object> result = line(level, "upload", context);
        result.put("trigger", name(trigger));
        result.putAll(outcome.toJson());
        return new Result(result, outcome.alarmsPending());
    }

    private void finish(Map<String, Object> result, OutputStream output) {
        log.println(Json.write(result));
        LambdaEvents.write(output, result);
    }

    private static Map<String, Object> line(String level, String event, Context context) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        if (context != null && context.getAwsRequestId() != null) {
            line.put("requestId", context.getAwsRequestId());
        }
        return line;
    }

    private static String name(UploadTrigger trigger) {
        return switch (trigger) {
            case UploadTrigger.NewVersion v -> "secret_label_updated";
            case UploadTrigger.SecretWritten w -> "cloudtrail_" + w.eventName();
            case UploadTrigger.RotationStep s -> "rotation_" + s.step().wireName();
        };
    }

    /** Lambda's remaining time; without a context, a fixed budget measured on the monotonic clock. */
    private static Supplier<Duration> remaining(Context context) {
        if (context != null) {
            return () -> Duration.ofMillis(context.getRemainingTimeInMillis());
        }
        long end = System.nanoTime() + BUDGET_WITHOUT_CONTEXT.toNanos();
        return () -> Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }
}
