package io.certguard.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Part "bundle-validation": runs {@link BundleValidationBenchmark} under JMH and reports the average per bundle. */
final class BundleValidation {

    static final double TARGET_MS = 2.0;

    private final boolean quick;

    BundleValidation(boolean quick) {
        this.quick = quick;
    }

    PartReport run() throws RunnerException {
        int forks = quick ? 1 : 2;
        int warmups = quick ? 2 : 5;
        int measurements = quick ? 3 : 5;
        TimeValue iteration = quick ? TimeValue.seconds(1) : TimeValue.seconds(2);
        Options options = new OptionsBuilder()
                .include(BundleValidationBenchmark.class.getName() + ".validate")
                .forks(forks).warmupIterations(warmups).warmupTime(iteration)
                .measurementIterations(measurements).measurementTime(iteration)
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        RunResult result = results.iterator().next();
        double micros = result.getPrimaryResult().getScore();
        double error = result.getPrimaryResult().getScoreError();
        PartReport report = new PartReport("bundle-validation");
        report.add(PartReport.Row.atMost("RSA-2048 leaf+intermediate+root+key", "time per bundle (avg, warm, 1 thread)",
                micros / 1000.0, "ms", TARGET_MS));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("benchmark", BundleValidationBenchmark.class.getName() + ".validate");
        settings.put("what", "BundleInput.fromText (PEM parse) + BundleValidator.validate, now fixed; the bundle is "
                + "uploadable (checked at set-up)");
        settings.put("jmh", Map.of("forks", forks, "warmup_iterations", warmups, "measurement_iterations",
                measurements, "iteration_seconds", iteration.getTime(), "mode", "average time", "threads", 1));
        settings.put("score_us", micros);
        settings.put("score_error_us_99_9", Double.isNaN(error) ? null : error);
        settings.put("machine", Machine.describe());
        report.detail("settings", settings);
        return report;
    }
}
