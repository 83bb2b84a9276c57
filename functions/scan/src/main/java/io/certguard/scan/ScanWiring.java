package io.certguard.scan;

import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.config.EnvironmentVariables;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.wiring.CommonSettings;
import io.certguard.wiring.FunctionRuntime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The only place the scan function reads its environment and builds its use case; called once per container, at
 * init. SDK clients are built here; Twilio credentials are read on first use (never baked into a SnapStart snapshot).
 */
public final class ScanWiring {

    public static final String SCAN_CONCURRENCY = "SCAN_CONCURRENCY";
    static final int DEFAULT_CONCURRENCY = 16;

    /** Every variable the scan function reads; template.yaml must set each (a test checks). */
    public static final Set<String> VARIABLES;

    static {
        Set<String> names = new HashSet<>(CommonSettings.VARIABLES);
        names.add(SCAN_CONCURRENCY);
        VARIABLES = Set.copyOf(names);
    }

    private ScanWiring() {
    }

    /** The scan's use case and where its domains come from. */
    public record Scan(DomainScanner scanner, FunctionRuntime runtime) {
    }

    public static Scan fromEnvironment(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, VARIABLES);
        CommonSettings settings = CommonSettings.from(env);
        int concurrency = env.positiveInt(SCAN_CONCURRENCY, DEFAULT_CONCURRENCY);
        FunctionRuntime runtime = new FunctionRuntime(settings, AwsEndpoints.from(environment));
        DomainScanner scanner = new DomainScanner(runtime.twilio(), runtime.served(), runtime.letsEncryptCaa(),
                runtime.store(), runtime.publisher(), new ScanAlarmRenderer(settings.certificateSecretPrefix()),
                new ScanPolicy(new ExpiryPolicy(settings.thresholds())), concurrency);
        return new Scan(scanner, runtime);
    }
}
