package io.certguard.bench.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The part's JSON (bench contract: part, rows, details) and a table for people, from the medians of the runs. */
final class Report {

    private final ColdStartDriver.Settings settings;
    private final List<Variant> variants;
    private final Map<String, List<RunTimings>> results;
    private final List<String> trainings;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    Report(ColdStartDriver.Settings settings, List<Variant> variants, Map<String, List<RunTimings>> results,
            List<String> trainings) {
        this.settings = settings;
        this.variants = variants;
        this.results = results;
        this.trainings = trainings;
        build();
    }

    private void build() {
        double floor = median("no-op", RunTimings::totalMs);
        double scan = median("scan", RunTimings::totalMs);
        row("scan", "first invocation (launch to end of handleRequest)", scan, "ms", "<= 1000",
                scan <= ColdStartDriver.TARGET_FIRST_INVOCATION_MS);
        row("scan", "JVM start (launch to main)", median("scan", RunTimings::jvmStartMs), "ms", null, null);
        row("scan", "init (handler class loaded and constructed)", median("scan", RunTimings::initMs), "ms", null, null);
        row("scan", "first handleRequest", median("scan", RunTimings::invokeMs), "ms", null, null);
        row("scan", "CPU time to end of first invocation", median("scan", RunTimings::cpuMs), "ms", null, null);
        row("no-op handler (JVM floor)", "launch to end of handleRequest", floor, "ms", null, null);
        row("no-op handler (JVM floor)", "CPU time to end of handleRequest", median("no-op", RunTimings::cpuMs), "ms",
                null, null);
        double ratio = scan / floor;
        row("scan / no-op", "ratio", round(ratio, 2), "ratio", "<= 8", ratio <= ColdStartDriver.TARGET_RATIO);
        for (Variant variant : variants) {
            if (!variant.kind().equals("experiment")) {
                continue;
            }
            if (variant.snapStart()) {
                row(variant.name(), "CRaC beforeCheckpoint + afterRestore (before the snapshot)",
                        median(variant.name(), RunTimings::hooksMs), "ms", null, null);
                row(variant.name(), "first handleRequest after the hooks", median(variant.name(), RunTimings::invokeMs),
                        "ms", null, null);
            } else {
                row(variant.name(), "first invocation (launch to end of handleRequest)",
                        median(variant.name(), RunTimings::totalMs), "ms", null, null);
                row(variant.name(), "CPU time to end of first invocation", median(variant.name(), RunTimings::cpuMs),
                        "ms", null, null);
                row(variant.name(), "archive size", round(ColdStartDriver.size(variant.archive()) / 1e6, 2), "MB",
                        null, null);
            }
        }
        for (Path artifact : settings.artifacts()) {
            double mb = ColdStartDriver.size(artifact) / 1e6;
            row(artifact.getFileName().toString(), "artifact size", round(mb, 2), "MB", "<= 20",
                    mb <= ColdStartDriver.TARGET_ARTIFACT_MB);
        }
    }

    private double median(String variant, ToDoubleFunction<RunTimings> metric) {
        return round(ColdStartDriver.median(results.get(variant).stream().map(metric::applyAsDouble).toList()), 1);
    }

    private void row(String caseName, String metric, double value, String unit, String target, Boolean met) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", caseName);
        row.put("metric", metric);
        row.put("value", value);
        row.put("unit", unit);
        row.put("target", target);
        row.put("met", met);
        rows.add(row);
    }

    Map<String, Object> toJson() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("java", settings.java());
        details.put("javaFeature", settings.javaFeature());
        details.put("javaVersion", javaVersion());
        details.put("lambdaFlags", Variant.LAMBDA_FLAGS);
        details.put("extraFlags", settings.extraFlags());
        details.put("classPath", "bootstrap jar (LambdaBootstrap, NoOpHandler) + " + settings.functionJar().getFileName());
        details.put("runsPerVariant", settings.runs());
        details.put("quick", settings.quick());
        details.put("statistic", "median of the runs; variants interleaved run by run");
        details.put("workload", "one domain whose certificate expires in 20 days: Twilio simulator (own process), TLS "
                + "probe and CAA via loopback servers, moto for DynamoDB, SNS and Secrets Manager (a fresh table, topic "
                + "and secret per run, as template.yaml defines them); the invocation publishes one alarm");
        details.put("runtimeEmulation", "LambdaBootstrap loads the handler class by name, constructs it, calls "
                + "handleRequest once with the scheduled event and a Context; Amazon's runtime interface client and the "
                + "Runtime API round trip are not included");
        details.put("machine", Map.of("availableProcessors", Runtime.getRuntime().availableProcessors(),
                "loadAverage", loadAverage()));
        details.put("archives", trainings);
        Map<String, Object> raw = new LinkedHashMap<>();
        results.forEach((name, runs) -> raw.put(name, runs.stream().map(r -> Map.<String, Object>of(
                "totalMs", round(r.totalMs(), 1), "jvmStartMs", round(r.jvmStartMs(), 1), "initMs", round(r.initMs(), 1),
                "hooksMs", round(r.hooksMs(), 1), "invokeMs", round(r.invokeMs(), 1), "cpuMs", round(r.cpuMs(), 0)))
                .toList()));
        details.put("runs", raw);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("part", "cold-start");
        json.put("rows", rows);
        json.put("details", details);
        return json;
    }

    String table() {
        StringBuilder table = new StringBuilder(String.format("%-30s %-58s %10s %-6s %-9s %s%n", "case", "metric", "value",
                "unit", "target", "met"));
        for (Map<String, Object> row : rows) {
            table.append(String.format("%-30s %-58s %10s %-6s %-9s %s%n", row.get("case"), row.get("metric"),
                    row.get("value"), row.get("unit"), row.get("target") == null ? "" : row.get("target"),
                    row.get("met") == null ? "" : row.get("met")));
        }
        return table.toString();
    }

    private String javaVersion() {
        try {
            Process process = new ProcessBuilder(settings.java(), "-version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            return text.replace('\n', ' ');
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
