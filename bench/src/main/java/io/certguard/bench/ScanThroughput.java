package io.certguard.bench;

import io.certguard.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Part "scan-throughput": for each N, a world of N domains ({@link ScanWorld}, in this JVM) and a fresh scan JVM
 * ({@link ScanChild}) that scans it twice. Reports wall time against the latency floor,
 * {@code ceil(N × requests per domain / concurrency) × L}: the time the Twilio requests alone would take if exactly
 * {@code concurrency} of them were always in flight.
 */
final class ScanThroughput {

    static final double RATIO_TARGET = 1.3;
    static final int RATIO_TARGET_AT = 1_000;
    static final double HEAP_TARGET_MB = 256;
    static final int HEAP_TARGET_AT = 5_000;
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(10);

    private final List<Integer> sizes;
    private final Duration latency;
    private final int concurrency;
    private final List<String> childJvmOptions;

    ScanThroughput(List<Integer> sizes, Duration latency, int concurrency, List<String> childJvmOptions) {
        this.sizes = List.copyOf(sizes);
        this.latency = latency;
        this.concurrency = concurrency;
        this.childJvmOptions = List.copyOf(childJvmOptions);
    }

    PartReport run() throws IOException, InterruptedException {
        PartReport report = new PartReport("scan-throughput");
        Map<String, Object> perSize = new LinkedHashMap<>();
        for (int n : sizes) {
            perSize.put("N=" + n, measure(n, report));
        }
        report.detail("settings", Map.of("twilio_latency_ms", latency.toMillis(), "scan_concurrency", concurrency,
                "scan_jvm_options", childJvmOptions, "world",
                "Twilio simulator + one loopback TLS server (certificate by SNI, one shared P-256 key, test CA trusted "
                        + "through -Djavax.net.ssl.trustStore) + one loopback DNS responder (A and CAA) named by "
                        + "DNS_RESOLVERS; every 10th certificate expires in 10 days, the rest in 80",
                "state_and_alarms", "counting in-memory adapters (InMemoryStateStore, a counting AlarmPublisher): "
                        + "the counts are the DynamoDB/SNS requests the production adapters would make; moto would "
                        + "make the wall time a measure of the emulator",
                "floor", "ceil(N x Twilio requests per domain / concurrency) x latency",
                "heap", "peak heap of the scan JVM alone (the world runs in the parent JVM): heap in use just before "
                        + "each GC (GC notifications, max over both runs, incl. current use at the end); "
                        + "live = heap in use just after each GC"));
        report.detail("runs", perSize);
        report.detail("machine", Machine.describe());
        return report;
    }

    private Map<String, Object> measure(int n, PartReport report) throws IOException, InterruptedException {
        System.err.printf("[scan-throughput] N=%d: building the world%n", n);
        try (ScanWorld world = ScanWorld.start(n, latency)) {
            Path dir = Files.createTempDirectory("certguard-bench-scan-");
            try {
                Path trustStore = dir.resolve("truststore.p12");
                world.writeTrustStore(trustStore);
                Path envFile = dir.resolve("scan.env");
                Properties env = new Properties();
                env.putAll(world.environment());
                env.put("SCAN_CONCURRENCY", Integer.toString(concurrency));
                try (Writer writer = Files.newBufferedWriter(envFile, StandardCharsets.UTF_8)) {
                    env.store(writer, "certguard bench scan settings");
                }
                List<Map<String, Object>> runs = runChild(world, envFile, trustStore);
                return summarize(n, runs, report);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }

    private List<Map<String, Object>> runChild(ScanWorld world, Path envFile, Path trustStore)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(childJvmOptions);
        command.add("-Djavax.net.ssl.trustStore=" + trustStore);
        command.add("-Djavax.net.ssl.trustStoreType=PKCS12");
        command.add("-Djavax.net.ssl.trustStorePassword=" + ScanWorld.TRUST_STORE_PASSWORD);
        command.add("-Daws.region=us-east-1"); // the wiring builds SDK clients at init; none is called
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Bench.class.getName());
        command.add("scan-child");
        command.add(envFile.toString());
        command.add("2");
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Map<String, Object>> runs = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
                Writer toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            ScanWorld.Counters before = world.counters();
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith(ScanChild.RUN_PREFIX)) {
                    System.err.println("[scan-child] " + line);
                    continue;
                }
                ScanWorld.Counters after = world.counters();
                Map<String, Object> run = new LinkedHashMap<>(
                        Json.parseObject(line.substring(ScanChild.RUN_PREFIX.length())).asMap());
                run.put("world", after.minus(before).toJson());
                runs.add(run);
                System.err.printf("[scan-throughput] N=%d run %d: %.0f ms%n", world.domains(), runs.size(),
                        number(run, "wall_ms"));
                before = after;
                toChild.write("next\n");
                toChild.flush();
            }
        } finally {
            if (!child.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("the scan JVM did not finish within " + CHILD_TIMEOUT);
            }
        }
        if (child.exitValue() != 0 || runs.size() != 2) {
            throw new IllegalStateException("the scan JVM exited with " + child.exitValue() + " after " + runs.size()
                    + " of 2 runs (its messages are above)");
        }
        return runs;
    }

    private Map<String, Object> summarize(int n, List<Map<String, Object>> runs, PartReport report) {
        String label = "N=" + n;
        Map<String, Object> first = runs.get(0);
        Map<String, Object> steady = runs.get(1);
        double requests = number(world(first), "twilio_requests");
        double requestsPerDomain = requests / n;
        double floorMillis = Math.ceil(requests / concurrency) * latency.toMillis();
        double firstWall = number(first, "wall_ms");
        double steadyWall = number(steady, "wall_ms");
        report.add(PartReport.Row.of(label, "wall time, first run", firstWall, "ms"));
        report.add(PartReport.Row.of(label, "wall time, steady run", steadyWall, "ms"));
        report.add(PartReport.Row.of(label, "Twilio requests per domain", requestsPerDomain, "count"));
        report.add(PartReport.Row.of(label, "latency floor", floorMillis, "ms"));
        for (var run : List.of(Map.entry("first run", firstWall), Map.entry("steady run", steadyWall))) {
            double ratio = run.getValue() / floorMillis;
            String metric = "wall / floor, " + run.getKey();
            report.add(n == RATIO_TARGET_AT ? PartReport.Row.atMost(label, metric, ratio, "ratio", RATIO_TARGET)
                    : PartReport.Row.of(label, metric, ratio, "ratio"));
        }
        report.add(PartReport.Row.of(label, "time per domain, first run", firstWall / n, "ms"));
        report.add(PartReport.Row.of(label, "time per domain, steady run", steadyWall / n, "ms"));
        double peakMb = number(steady, "heap_peak_used_bytes") / (1024.0 * 1024.0);
        double liveMb = number(steady, "heap_peak_live_after_gc_bytes") / (1024.0 * 1024.0);
        report.add(n == HEAP_TARGET_AT ? PartReport.Row.atMost(label, "peak heap used", peakMb, "MB", HEAP_TARGET_MB)
                : PartReport.Row.of(label, "peak heap used", peakMb, "MB"));
        report.add(PartReport.Row.of(label, "peak heap live after GC", liveMb, "MB"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("first_run", first);
        details.put("steady_run", steady);
        return details;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> world(Map<String, Object> run) {
        return (Map<String, Object>) run.get("world");
    }

    private static double number(Map<String, Object> map, String name) {
        return ((Number) map.get(name)).doubleValue();
    }
}
