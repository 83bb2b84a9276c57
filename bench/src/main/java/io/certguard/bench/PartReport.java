package io.certguard.bench;

import io.certguard.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One part's results in the shape bench/run merges (bench/README.md): named rows of measured values, each with the
 * target it is held to, if any, and free-form details (settings, machine, counters).
 */
final class PartReport {

    /** One measured value; {@code met} is empty where there is no target. */
    record Row(String benchCase, String metric, double value, String unit, Optional<String> target,
            Optional<Boolean> met) {

        Row {
            Objects.requireNonNull(benchCase, "benchCase");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(met, "met");
        }

        static Row of(String benchCase, String metric, double value, String unit) {
            return new Row(benchCase, metric, value, unit, Optional.empty(), Optional.empty());
        }

        /** A value held to "at most {@code limit}". */
        static Row atMost(String benchCase, String metric, double value, String unit, double limit) {
            return new Row(benchCase, metric, value, unit, Optional.of("<= " + plain(limit)),
                    Optional.of(value <= limit));
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("case", benchCase);
            json.put("metric", metric);
            json.put("value", round(value));
            json.put("unit", unit);
            json.put("target", target.orElse(null));
            json.put("met", met.orElse(null));
            return json;
        }
    }

    private final String part;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    PartReport(String part) {
        this.part = Objects.requireNonNull(part, "part");
    }

    PartReport add(Row row) {
        rows.add(row);
        return this;
    }

    PartReport detail(String name, Object value) {
        details.put(name, value);
        return this;
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("part", part);
        json.put("rows", rows.stream().map(Row::toJson).toList());
        json.put("details", details);
        return Json.write(json);
    }

    void writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Three significant decimals are plenty for timings and ratios, and keep the JSON readable. */
    static Number round(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String plain(double value) {
        return round(value).toString();
    }
}
