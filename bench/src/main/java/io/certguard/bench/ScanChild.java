package io.certguard.bench;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.json.Json;
import io.certguard.scan.Deadline;
import io.certguard.scan.DomainRegistry;
import io.certguard.scan.DomainResult;
import io.certguard.scan.DomainScanner;
import io.certguard.scan.ScanAlarmRenderer;
import io.certguard.scan.ScanBacklog;
import io.certguard.scan.ScanLog;
import io.certguard.scan.ScanPolicy;
import io.certguard.scan.ScanSummary;
import io.certguard.scan.ScanWiring;
import io.certguard.scan.TwilioAccounts;
import io.certguard.simulator.OfflineWorld;
import io.certguard.twilio.TwilioDomains;
import io.certguard.wiring.CommonSettings;
import io.certguard.wiring.FunctionRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One scan JVM (started fresh for each N by {@link ScanThroughput}, so its heap is the scan's alone): the scan's
 * production wiring from an environment map, run twice, a first run and a steady-state run. After each run it prints
 * {@code RUN <json>} and, before the next, waits for a line on stdin, so that the parent can read the world's counters
 * between runs. Nothing else goes to stdout.
 *
 * <p>State and alarms go to counting in-memory adapters, not to DynamoDB and SNS on moto: moto is a Python emulator
 * on the same two cores, whose latency is neither DynamoDB's nor the scan's, and would make the wall time a measure of
 * the emulator. The counters record the requests the production adapters would make instead (see
 * {@link CountingStateStore}). Everything else is production code: {@link ScanWiring#fromEnvironment} parses the
 * settings and builds the runtime, whose TLS probe resolves through {@code DNS_RESOLVERS} and whose CAA check asks the
 * same resolvers; the Twilio client is the production {@link TwilioHttpClient} (built here with the simulator's
 * credentials rather than read from Secrets Manager); the use case is {@link DomainScanner}, with the same steps as
 * the handler around it (registry, backlog, one JSON log line per domain).
 */
final class ScanChild {

    static final String RUN_PREFIX = "RUN ";

    private ScanChild() {
    }

    static void main(Path environmentFile, int runs) throws IOException {
        HeapWatch heap = HeapWatch.start();
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the protocol owns stdout
        Map<String, String> env = new LinkedHashMap<>();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(environmentFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        properties.stringPropertyNames().forEach(name -> env.put(name, properties.getProperty(name)));
        // Required by the wiring, unused here: state and alarms are the counting adapters below.
        env.putIfAbsent(CommonSettings.STATE_TABLE, "bench-state");
        env.putIfAbsent(CommonSettings.ALARM_TOPIC_ARN, "arn:aws:sns:us-east-1:000000000000:bench-alarms");
        env.putIfAbsent(CommonSettings.TWILIO_CREDENTIALS_SECRET, "bench/twilio");
        int concurrency = Integer.parseInt(env.getOrDefault(ScanWiring.SCAN_CONCURRENCY, "16"));

        long initStart = System.nanoTime();
        FunctionRuntime runtime = ScanWiring.fromEnvironment(env).runtime();
        CommonSettings settings = runtime.settings();
        CountingStateStore store = new CountingStateStore(new InMemoryStateStore());
        CountingPublisher publisher = new CountingPublisher();
        TwilioDomains client = new TwilioHttpClient(TwilioClientSettings.defaults(settings.twilioBaseUri()),
                OfflineWorld.CREDENTIALS);
        TwilioAccounts accounts = secret -> client; // one client per secret, as SecretTwilioAccounts caches them
        DomainScanner scanner = new DomainScanner(accounts, runtime.served(), runtime.letsEncryptCaa(), store,
                publisher, new ScanAlarmRenderer(settings.certificateSecretPrefix()),
                new ScanPolicy(new ExpiryPolicy(settings.thresholds())), concurrency);
        ScanBacklog backlog = new ScanBacklog(store);
        double initMillis = (System.nanoTime() - initStart) / 1e6;

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream log = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (int run = 1; run <= runs; run++) {
            if (run > 1 && in.readLine() == null) {
                return; // the parent went away
            }
            CountingStateStore.Counts storeBefore = store.counts();
            long publishedBefore = publisher.published();
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            Instant now = Instant.now();
            List<MonitoredDomain> domains = DomainRegistry.union(settings.domains(),
                    new DomainRegistry(store).registered());
            ScanSummary summary = scanner.scan(backlog.prioritize(domains), now, Deadline.NONE);
            backlog.record(summary);
            for (DomainResult result : summary.domains()) {
                log.println(Json.write(ScanLog.domainLine(result, now)));
            }
            log.println(Json.write(summary.toJson()));
            double wallMillis = (System.nanoTime() - start) / 1e6;
            double cpuMillis = (cpuNanos() - cpuStart) / 1e6;

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("run", run);
            report.put("wall_ms", wallMillis);
            report.put("cpu_ms", cpuMillis); // this JVM's CPU time on all cores during the run (GC and JIT included)
            report.put("init_ms", initMillis);
            report.put("domains", summary.domains().size());
            report.put("checked", summary.count(DomainResult.Outcome.CHECKED));
            report.put("failed", summary.count(DomainResult.Outcome.FAILED));
            report.put("not_reached", summary.count(DomainResult.Outcome.NOT_REACHED));
            report.put("alarms_published_by_scan", summary.alarmsPublished());
            report.put("sns_publish", publisher.published() - publishedBefore);
            report.put("dynamodb", store.counts().minus(storeBefore).toJson());
            report.put("first_failure", summary.domains().stream().filter(d -> !d.failures().isEmpty())
                    .findFirst().map(d -> d.host() + ": " + d.failures().get(0)).orElse(null));
            HeapWatch.Snapshot snapshot = heap.snapshot();
            report.put("heap_peak_used_bytes", snapshot.peakUsed());
            report.put("heap_peak_live_after_gc_bytes", snapshot.peakLiveAfterGc());
            report.put("heap_sum_of_pool_peaks_bytes", snapshot.sumOfPoolPeaks());
            report.put("heap_max_bytes", snapshot.maxHeap());
            report.put("gc_count", snapshot.collections());
            out.println(RUN_PREFIX + Json.write(report));
            out.flush();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
