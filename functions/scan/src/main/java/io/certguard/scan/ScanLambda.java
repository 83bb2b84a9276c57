package io.certguard.scan;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.domain.MonitoredDomain;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.lambda.InvalidEventException;
import io.certguard.lambda.LambdaEvents;
import io.certguard.lambda.SqsMessages;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The scan: the EventBridge schedule starts a run ({@link ScanCoordinator#scheduled}); messages from the scan queue
 * carry the batches of a run too large for one invocation ({@link ScanCoordinator#batch}). Logs one JSON line per
 * domain (also the EMF metrics) and a summary. A state table that cannot be read or written fails the invocation (or
 * the batch's message), loudly: alarms must not be lost quietly.
 */
public final class ScanLambda implements RequestStreamHandler {

    /** Time kept back from Lambda's deadline for the domains in flight to finish and the summary to be written. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    /** Without a Lambda context (a local run) nothing cuts the run short. */
    private static final Duration NO_DEADLINE = Duration.ofDays(1);
    /** SnapStart priming, registered from the handler class as Lambda requires (see {@link ScanPriming}). */
    private static final Object PRIMING = ScanPriming.register();

    private final ScanCoordinator coordinator;
    private final Supplier<List<MonitoredDomain>> domains;
    private final Clock clock;
    private final PrintStream log;

    /** Used by the Lambda runtime: configuration from the environment, clients built here, at init. */
    public ScanLambda() {
        this(ScanWiring.fromEnvironment(System.getenv()), Clock.systemUTC(), System.out);
    }

    private ScanLambda(ScanWiring.Scan scan, Clock clock, PrintStream log) {
        this.coordinator = scan.coordinator();
        this.domains = scan.runtime()::domains;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** For tests: the production wiring from {@code environment}, with a test clock and log. */
    static ScanLambda wiredFrom(Map<String, String> environment, Clock clock, PrintStream log) {
        return new ScanLambda(ScanWiring.fromEnvironment(environment), clock, log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonObject event = LambdaEvents.read(input);
        Instant now = clock.instant();
        Supplier<Duration> remaining = context == null ? () -> NO_DEADLINE
                : () -> Duration.ofMillis(context.getRemainingTimeInMillis());
        Object result = SqsMessages.from(event)
                .<Object>map(messages -> batches(messages, now, remaining))
                .orElseGet(() -> scheduled(event, now, remaining));
        LambdaEvents.write(output, result);
    }

    private Map<String, Object> scheduled(JsonObject event, Instant now, Supplier<Duration> remaining) {
        // The schedule event's id names the run, so a redelivered event makes the same batches (claimed once each).
        String runId = event.optionalString("id").filter(id -> !id.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
        ScanCoordinator.RunReport report = coordinator.scheduled(runId, domains.get(), now, remaining, remaining.get());
        logLines(report.summary(), now);
        Map<String, Object> summary = report.toJson();
        log.println(Json.write(finished("scan_finished", summary)));
        if (report.summary().stateFailed()) {
            throw new IllegalStateException("the state table could not be read or written for some domains; their "
                    + "alarms were not decided (see the log lines with failures). The next run retries them.");
        }
        return summary;
    }

    /** Each batch on its own: a failing one is named for redelivery, the others are done. */
    private Map<String, Object> batches(List<SqsMessages.Message> messages, Instant now, Supplier<Duration> remaining) {
        List<String> failed = new ArrayList<>();
        for (SqsMessages.Message message : messages) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("message_id", message.messageId());
            try {
                ScanBatch batch = ScanBatch.parse(message.body());
                line.put("run_id", batch.runId());
                line.put("batch_id", batch.batchId());
                switch (coordinator.batch(batch, now, remaining)) {
                    case ScanCoordinator.BatchOutcome.Checked checked -> {
                        logLines(checked.summary(), now);
                        line.putAll(checked.summary().toJson());
                        line.put("continuedWith", checked.continuedWith());
                    }
                    case ScanCoordinator.BatchOutcome.Duplicate duplicate -> line.put("duplicate", true);
                    case ScanCoordinator.BatchOutcome.Retry retry -> {
                        retry.summary().ifPresent(s -> logLines(s, now));
                        line.put("retry", retry.reason());
                        failed.add(message.messageId());
                    }
                }
            } catch (InvalidEventException | ScanQueueException e) {
                // Redelivered a few times, then the queue's redrive moves it to the dead-letter queue, which alarms.
                line.put("error", e.getMessage());
                failed.add(message.messageId());
            }
            log.println(Json.write(finished("scan_batch_finished", line)));
        }
        return SqsMessages.batchResponse(failed);
    }

    private void logLines(ScanSummary summary, Instant now) {
        for (DomainResult result : summary.domains()) {
            log.println(Json.write(ScanLog.domainLine(result, now)));
        }
    }

    private static Map<String, Object> finished(String event, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        line.putAll(fields);
        return line;
    }
}
