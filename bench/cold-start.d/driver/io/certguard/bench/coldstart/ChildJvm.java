package io.certguard.bench.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Starts one measured JVM (a fresh process), waits for it and reads the timings its bootstrap wrote. */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 120;

    private final ColdStartDriver.Settings settings;
    private final Supplier<Map<String, String>> stack;

    ChildJvm(ColdStartDriver.Settings settings, Supplier<Map<String, String>> stack) {
        this.settings = settings;
        this.stack = stack;
    }

    /** Writes the variant's archive with one real invocation; returns what was written. */
    String train(Variant variant) throws IOException, InterruptedException {
        Files.deleteIfExists(variant.archive());
        RunTimings timings = start(variant, variant.training(), "train-" + slug(variant), false);
        check(variant, timings, "training");
        long bytes = ColdStartDriver.size(variant.archive());
        if (bytes <= 0) {
            throw new IllegalStateException(variant.name() + ": the training run wrote no archive " + variant.archive());
        }
        return String.format("%s, %.1f MB", variant.archive().getFileName(), bytes / 1e6);
    }

    RunTimings run(Variant variant, int run) throws IOException, InterruptedException {
        RunTimings timings = start(variant, variant.flags(), "run" + run + "-" + slug(variant), variant.snapStart());
        check(variant, timings, "run " + run);
        return timings;
    }

    private RunTimings start(Variant variant, List<String> flags, String label, boolean snapStart)
            throws IOException, InterruptedException {
        Path timingsFile = settings.work().resolve(label + ".timings");
        Path log = settings.work().resolve(label + ".log");
        Files.deleteIfExists(timingsFile);
        List<String> command = new ArrayList<>();
        command.add(settings.java());
        boolean aot = flags.stream().anyMatch(flag -> flag.startsWith("-XX:AOTCache"));
        // The JDK refuses the AOT cache options beside any -Xshare option; the AOT cache replaces the CDS archive.
        Variant.LAMBDA_FLAGS.stream().filter(flag -> !(aot && flag.startsWith("-Xshare"))).forEach(command::add);
        command.addAll(flags);
        command.addAll(settings.extraFlags());
        command.addAll(List.of("-cp", settings.classPath(), ColdStartDriver.BOOTSTRAP, variant.handler(),
                settings.event().toString(), timingsFile.toString()));
        if (snapStart) {
            command.add("--snapstart");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS"); // would change the flags and print a notice
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.putAll(stack.get());
        long launch = micros();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(label + ": no result within " + TIMEOUT_SECONDS + " s; see " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(timingsFile)) {
            throw new IllegalStateException(label + ": exit " + process.exitValue() + "; its output:\n"
                    + Files.readString(log));
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(timingsFile)) {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new RunTimings(launch, Long.parseLong(values.get("mainStart")), Long.parseLong(values.get("initEnd")),
                Long.parseLong(values.get("restored")), Long.parseLong(values.get("invokeEnd")), Long.parseLong(values.get("cpu")),
                values.get("response"));
    }

    /** A scan that did not check its domain and publish its alarm measured the wrong thing. */
    private static void check(Variant variant, RunTimings timings, String what) {
        if (!variant.handler().equals(ColdStartDriver.SCAN_HANDLER)) {
            return;
        }
        String response = timings.response().replace(" ", "");
        if (!response.contains("\"checked\":1") || !response.contains("\"alarmsPublished\":1")) {
            throw new IllegalStateException(variant.name() + " " + what + ": the scan did not check its one domain and "
                    + "publish its alarm: " + timings.response());
        }
    }

    private static String slug(Variant variant) {
        return variant.name().replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
