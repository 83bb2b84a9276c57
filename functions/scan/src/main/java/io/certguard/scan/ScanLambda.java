package io.certguard.scan;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.domain.MonitoredDomain;
import io.certguard.json.Json;
import io.certguard.lambda.LambdaEvents;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The scheduled scan (EventBridge; the event's content is ignored). Runs the scan of every domain with the current
 * UTC time, stops starting new domains when Lambda's remaining time runs low, logs one JSON line per domain (also the
 * EMF metrics) and a summary, and returns the summary. A state table that cannot be read or written fails the
 * invocation, loudly: alarms must not be lost quietly.
 */
public final class ScanLambda implements RequestStreamHandler {

    /** Time kept back from Lambda's deadline for the domains in flight to finish and the summary to be written. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    /** SnapStart priming, registered from the handler class as Lambda requires (see {@link ScanPriming}). */
    private static final Object PRIMING = ScanPriming.register();

    private final DomainScanner scanner;
    private final ScanBacklog backlog;
    private final Supplier<List<MonitoredDomain>> domains;
    private final Clock clock;
    private final PrintStream log;

    /** Used by the Lambda runtime: configuration from the environment, clients built here, at init. */
    public ScanLambda() {
        this(ScanWiring.fromEnvironment(System.getenv()), Clock.systemUTC(), System.out);
    }

    private ScanLambda(ScanWiring.Scan scan, Clock clock, PrintStream log) {
        this(scan.scanner(), new ScanBacklog(scan.runtime().store()), scan.runtime()::domains, clock, log);
    }

    /** For tests: the production wiring from {@code environment}, with a test clock and log. */
    static ScanLambda wiredFrom(Map<String, String> environment, Clock clock, PrintStream log) {
        return new ScanLambda(ScanWiring.fromEnvironment(environment), clock, log);
    }

    /** For tests: the use case, its backlog, where domains come from, the clock and the log. */
    ScanLambda(DomainScanner scanner, ScanBacklog backlog, Supplier<List<MonitoredDomain>> domains, Clock clock,
            PrintStream log) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.backlog = Objects.requireNonNull(backlog, "backlog");
        this.domains = Objects.requireNonNull(domains, "domains");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaEvents.read(input); // a scheduled event; its content does not change what a scan does
        Instant now = clock.instant();
        Deadline deadline = context == null ? Deadline.NONE
                : () -> context.getRemainingTimeInMillis() < MARGIN.toMillis();
        ScanSummary summary = scanner.scan(backlog.prioritize(domains.get()), now, deadline);
        backlog.record(summary);
        for (DomainResult result : summary.domains()) {
            log.println(Json.write(ScanLog.domainLine(result, now)));
        }
        log.println(Json.write(ScanLog.summaryLine(summary)));
        if (summary.stateFailed()) {
            throw new IllegalStateException("the state table could not be read or written for some domains; their "
                    + "alarms were not decided (see the log lines with failures). The next run retries them.");
        }
        LambdaEvents.write(output, summary.toJson());
    }
}
