package io.certguard.validationpoll;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.json.Json;
import io.certguard.lambda.CommonPriming;
import io.certguard.lambda.LambdaEvents;
import io.certguard.lambda.SnapStartPriming;
import io.certguard.scan.Deadline;
import io.certguard.validation.PollSummary;
import io.certguard.validation.ValidationPoller;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The scheduled validation poll (EventBridge, every 5 minutes; the event's content is ignored). When nothing is due it
 * costs one query of the sparse poll index and no Twilio call. Logs and returns a summary (pending, validated, live,
 * failed, timed out).
 */
public final class ValidationPollLambda implements RequestStreamHandler {

    /** Time kept back from Lambda's deadline for uploads in flight to be recorded. */
    static final Duration MARGIN = Duration.ofSeconds(20);
    /** SnapStart priming of the parts shared by every function, registered from the handler class as Lambda requires. */
    private static final Object PRIMING = SnapStartPriming.register("validation-poll", CommonPriming::prime);

    private final ValidationPoller poller;
    private final Clock clock;
    private final PrintStream log;

    public ValidationPollLambda() {
        this(ValidationPollWiring.fromEnvironment(System.getenv()), Clock.systemUTC(), System.out);
    }

    /** For tests: the production wiring from {@code environment}, with a test clock and log. */
    static ValidationPollLambda wiredFrom(Map<String, String> environment, Clock clock, PrintStream log) {
        return new ValidationPollLambda(ValidationPollWiring.fromEnvironment(environment), clock, log);
    }

    ValidationPollLambda(ValidationPoller poller, Clock clock, PrintStream log) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaEvents.read(input); // a scheduled event; its content does not change what a poll does
        Deadline deadline = context == null ? Deadline.NONE
                : () -> context.getRemainingTimeInMillis() < MARGIN.toMillis();
        PollSummary summary = poller.pollDue(clock.instant(), deadline);
        log.println(Json.write(summary.toJson()));
        LambdaEvents.write(output, summary.toJson());
    }
}
