package io.certguard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark harness's entry point (bench/run calls it once per part). Each part writes its JSON to {@code --out}
 * (see bench/README.md for the format); {@code report} merges part files and prints the table.
 *
 * <pre>
 * scan-throughput   [--quick] --out FILE [--sizes 100,1000,5000] [--latency-ms 50] [--concurrency 16]
 *                   [--scan-jvm "-Xmx1g -XX:+UseSerialGC ..."]
 * bundle-validation [--quick] --out FILE
 * blackbox          --exporter PATH [--quick] --out FILE [--endpoints 1000] [--concurrency 16]
 * report            --out COMBINED.json [--quick] [--failed PART]... PART.json...
 * </pre>
 */
public final class Bench {

    /**
     * Lambda's java21 runtime starts the JVM with the serial collector and C1 only (tiered compilation stopped at level
     * 1); the scan JVM is run the same way, with a 1 GB heap cap as the function's 1024 MB memory allows.
     */
    static final String DEFAULT_SCAN_JVM = "-Xmx1g -XX:+UseSerialGC -XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("no part named");
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        if (command.equals("scan-child")) { // internal: started by scan-throughput
            ScanChild.main(Path.of(rest.get(0)), Integer.parseInt(rest.get(1)));
            return;
        }
        Arguments arguments = Arguments.parse(rest);
        boolean quick = arguments.flag("quick");
        switch (command) {
            case "scan-throughput" -> {
                List<Integer> sizes = Arrays.stream(arguments.value("sizes", quick ? "100" : "100,1000,5000")
                        .split(",")).map(String::strip).map(Integer::parseInt).toList();
                new ScanThroughput(sizes, Duration.ofMillis(arguments.intValue("latency-ms", 50)),
                        arguments.intValue("concurrency", 16),
                        List.of(arguments.value("scan-jvm", DEFAULT_SCAN_JVM).strip().split("\\s+")))
                        .run().writeTo(arguments.path("out"));
            }
            case "bundle-validation" -> new BundleValidation(quick).run().writeTo(arguments.path("out"));
            case "blackbox" -> new BlackboxComparison(arguments.path("exporter"),
                    arguments.intValue("endpoints", quick ? 50 : 1_000), arguments.intValue("concurrency", 16))
                    .run().writeTo(arguments.path("out"));
            case "report" -> Report.merge(arguments.positional(), arguments.all("failed"), quick,
                    arguments.path("out"));
            default -> usage("unknown part \"" + command + "\"");
        }
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem + "; parts: scan-throughput, bundle-validation, blackbox, report "
                + "(see bench/README.md)");
        System.exit(2);
    }

    /** {@code --name value}, {@code --flag} (known flags only) and positional arguments. */
    record Arguments(Map<String, List<String>> named, List<String> positional) {

        private static final List<String> FLAGS = List.of("quick");

        static Arguments parse(List<String> args) {
            Map<String, List<String>> named = new TreeMap<>();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--")) {
                    positional.add(arg);
                    continue;
                }
                String name = arg.substring(2);
                if (FLAGS.contains(name)) {
                    named.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (i + 1 < args.size()) {
                    named.computeIfAbsent(name, k -> new ArrayList<>()).add(args.get(++i));
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            }
            return new Arguments(named, positional);
        }

        boolean flag(String name) {
            return named.containsKey(name);
        }

        String value(String name, String otherwise) {
            List<String> values = named.get(name);
            return values == null ? otherwise : values.get(values.size() - 1);
        }

        int intValue(String name, int otherwise) {
            String text = value(name, Integer.toString(otherwise));
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not \"" + text + "\"");
            }
        }

        Path path(String name) {
            String text = value(name, null);
            if (text == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return Path.of(text);
        }

        List<String> all(String name) {
            return named.getOrDefault(name, List.of());
        }
    }
}
