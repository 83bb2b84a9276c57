package io.certguard.bench.coldstart;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.simulator.OfflineWorld;
import io.certguard.testing.TemplateResources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Runs the cold-start benchmark (bench/cold-start): the Twilio simulator world in this process, the AWS emulator
 * already started by the caller, and every measured JVM as a fresh child process with Lambda's flags. Each scan run
 * gets its own table, topic and credentials secret (created as template.yaml defines them), so every run does the
 * same work: read the registry and the domain's state, call Twilio, probe TLS, check CAA, publish one alarm, write
 * the state.
 */
public final class ColdStartDriver {

    static final String SCAN_HANDLER = "io.certguard.scan.ScanLambda";
    static final String NO_OP_HANDLER = "io.certguard.bench.coldstart.NoOpHandler";
    static final String BOOTSTRAP = "io.certguard.bench.coldstart.LambdaBootstrap";
    /** The targets. */
    static final double TARGET_FIRST_INVOCATION_MS = 1000;
    static final double TARGET_RATIO = 8;
    static final double TARGET_ARTIFACT_MB = 20;

    private ColdStartDriver() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Files.createDirectories(settings.work());
        List<Variant> variants = Variant.all(settings);
        Map<String, List<RunTimings>> results = new LinkedHashMap<>();
        List<String> trainings = new ArrayList<>();
        try (OfflineWorld world = OfflineWorld.start(Clock.systemUTC()); AwsClients aws = new AwsClients()) {
            DomainSid sid = new DomainSid("DN" + "c01d5747".repeat(4));
            world.addDomain(sid, "links.example.com", Instant.now().plus(Duration.ofDays(20)), UnaryOperator.identity());
            ChildJvm jvm = new ChildJvm(settings, () -> environment(aws, world));
            for (Variant variant : variants) {
                if (variant.training() != null) {
                    trainings.add(variant.name() + ": " + jvm.train(variant));
                }
            }
            for (int run = 1; run <= settings.runs(); run++) {
                for (Variant variant : variants) { // interleaved, so a busy moment of the machine hits every variant
                    RunTimings timings = jvm.run(variant, run);
                    results.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(timings);
                    System.err.printf("[cold-start] run %d %-28s %s%n", run, variant.name(), timings.summary());
                }
            }
        }
        Report report = new Report(settings, variants, results, trainings);
        Files.writeString(settings.out(), Json.write(report.toJson()) + "\n");
        System.err.println(report.table());
    }

    /** STATE_TABLE, ALARM_TOPIC_ARN and the credentials secret: new ones per run; the world's Twilio and DNS. */
    private static Map<String, String> environment(AwsClients aws, OfflineWorld world) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateResources resources = TemplateResources.fromProject();
        String table = "coldstart-state-" + suffix;
        resources.createStateTable(aws.dynamoDb(), table);
        String topicArn = resources.createAlarmTopic(aws.sns(), "coldstart-alarms-" + suffix);
        String secret = "coldstart/twilio-" + suffix;
        aws.secretsManager().createSecret(b -> b.name(secret).secretString(OfflineWorld.CREDENTIALS_JSON));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STATE_TABLE", table);
        env.put("ALARM_TOPIC_ARN", topicArn);
        env.put("TWILIO_CREDENTIALS_SECRET", secret);
        env.put("ALARM_THRESHOLDS_DAYS", "30,14,7,3,1");
        env.put("CERTIFICATE_SECRET_PREFIX", "certguard/");
        env.put("SCAN_CONCURRENCY", "16"); // template.yaml's value
        env.putAll(world.environment());
        return env;
    }

    /** Command-line settings, as bench/cold-start passes them. */
    record Settings(String java, int javaFeature, Path bootstrapJar, Path functionJar, List<Path> artifacts,
            Path event, Path work, Path out, int runs, List<String> extraFlags, boolean quick) {

        static Settings parse(String[] args) {
            Map<String, String> named = new LinkedHashMap<>();
            List<Path> artifacts = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--quick")) {
                    named.put(name, "true");
                } else if (i + 1 < args.length) {
                    String value = args[++i];
                    if (name.equals("--artifact")) {
                        artifacts.add(Path.of(value));
                    } else {
                        named.put(name, value);
                    }
                } else {
                    throw new IllegalArgumentException("missing value after " + name);
                }
            }
            return new Settings(require(named, "--java"), Integer.parseInt(require(named, "--java-feature")),
                    Path.of(require(named, "--bootstrap-jar")), Path.of(require(named, "--function-jar")),
                    List.copyOf(artifacts), Path.of(require(named, "--event")), Path.of(require(named, "--work")),
                    Path.of(require(named, "--out")), Integer.parseInt(require(named, "--runs")),
                    List.of(named.getOrDefault("--extra-flags", "").trim().split("\\s+")).stream()
                            .filter(flag -> !flag.isEmpty()).toList(),
                    named.containsKey("--quick"));
        }

        private static String require(Map<String, String> named, String name) {
            String value = named.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing " + name);
            }
            return value;
        }

        boolean functionJarContains(String entry) {
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(functionJar.toFile())) {
                return jar.getEntry(entry) != null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + functionJar, e);
            }
        }

        String classPath() {
            return bootstrapJar + File.pathSeparator + functionJar;
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
