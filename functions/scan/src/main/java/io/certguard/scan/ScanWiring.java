package io.certguard.scan;

import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.adapter.aws.SqsScanBatchQueue;
import io.certguard.config.EnvironmentVariables;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.wiring.CommonSettings;
import io.certguard.wiring.FunctionRuntime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The only place the scan function reads its environment and builds its use case; called once per container, at
 * init. SDK clients are built here; Twilio credentials are read on first use (never baked into a SnapStart snapshot).
 */
public final class ScanWiring {

    public static final String SCAN_CONCURRENCY = "SCAN_CONCURRENCY";
    /** The queue a large run hands batches to (the function consumes it too); empty: no fan-out, a backlog instead. */
    public static final String SCAN_QUEUE_URL = "SCAN_QUEUE_URL";
    static final int DEFAULT_CONCURRENCY = 16;
    /** A batch is sized to take half an invocation at the measured pace: Twilio or DNS may slow down mid-run. */
    static final double PLANNING_SAFETY = 2.0;

    /** Every variable the scan function reads; template.yaml must set each (a test checks). */
    public static final Set<String> VARIABLES;

    static {
        Set<String> names = new HashSet<>(CommonSettings.VARIABLES);
        names.add(SCAN_CONCURRENCY);
        names.add(SCAN_QUEUE_URL);
        VARIABLES = Set.copyOf(names);
    }

    private ScanWiring() {
    }

    /** The scan's use case and where its domains come from. */
    public record Scan(ScanCoordinator coordinator, FunctionRuntime runtime) {
    }

    public static Scan fromEnvironment(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, VARIABLES);
        CommonSettings settings = CommonSettings.from(env);
        int concurrency = env.positiveInt(SCAN_CONCURRENCY, DEFAULT_CONCURRENCY);
        FunctionRuntime runtime = new FunctionRuntime(settings, AwsEndpoints.from(environment));
        DomainScanner scanner = new DomainScanner(runtime.twilio(), runtime.served(), runtime.letsEncryptCaa(),
                runtime.store(), runtime.publisher(), new ScanAlarmRenderer(settings.certificateSecretPrefix()),
                new ScanPolicy(new ExpiryPolicy(settings.thresholds())), concurrency);
        Optional<ScanBatchQueue> queue = env.optional(SCAN_QUEUE_URL)
                .map(url -> new SqsScanBatchQueue(runtime.aws().build(SqsClient.builder(), AwsEndpoints::sqs), url));
        ScanCoordinator coordinator = new ScanCoordinator(scanner, new ScanBacklog(runtime.store()),
                new BatchClaims(runtime.store()), queue, new ScanPlanner(ScanLambda.MARGIN, PLANNING_SAFETY),
                runtime::domain, 2 * concurrency, System::nanoTime);
        return new Scan(coordinator, runtime);
    }
}
