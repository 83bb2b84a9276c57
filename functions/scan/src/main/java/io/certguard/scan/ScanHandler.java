package io.certguard.scan;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.certguard.domain.MonitoredDomain;
import io.certguard.json.Json;
import io.certguard.lambda.LambdaEvents;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scheduled scan (EventBridge; the event's content is ignored). Reads the event, runs the survey with the current
 * UTC time and returns a summary, also logged as one JSON line per domain.
 */
public final class ScanHandler implements RequestStreamHandler {

    private final List<MonitoredDomain> domains;
    private final Supplier<CertificateSurvey> survey;
    private final Clock clock;
    private CertificateSurvey ready;

    /** Used by the Lambda runtime: configuration from the environment, clients built here, at init. */
    public ScanHandler() {
        this(ScanWiring.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    private ScanHandler(ScanWiring wiring, Clock clock) {
        this(wiring.domains(), wiring::survey, clock);
    }

    /** For tests: inject the use case and the clock. */
    ScanHandler(List<MonitoredDomain> domains, Supplier<CertificateSurvey> survey, Clock clock) {
        this.domains = domains;
        this.survey = survey;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        LambdaEvents.read(input); // a scheduled event; its content does not change what a scan does
        List<DomainReading> readings = survey().survey(domains, clock.instant());
        int failed = 0;
        for (DomainReading reading : readings) {
            System.out.println(Json.write(ScanReport.line(reading)));
            if (reading instanceof DomainReading.Failed) {
                failed++;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("domains", readings.size());
        summary.put("checked", readings.size() - failed);
        summary.put("failed", failed);
        LambdaEvents.write(output, summary);
    }

    private synchronized CertificateSurvey survey() {
        if (ready == null) {
            ready = survey.get();
        }
        return ready;
    }
}
