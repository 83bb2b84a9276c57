package io.certguard.bench;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges the parts' JSON files into one results file and prints every row as one table. */
final class Report {

    private Report() {
    }

    static void merge(List<String> partFiles, List<String> failed, boolean quick, Path out) throws IOException {
        List<Object> parts = new ArrayList<>();
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"part", "case", "metric", "value", "unit", "target", "met"});
        for (String file : partFiles) {
            JsonObject part = Json.parseObject(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            parts.add(part.asMap());
            for (Object row : part.optionalArray("rows").orElse(List.of())) {
                JsonObject r = JsonObject.of((Map<?, ?>) row);
                table.add(new String[] {part.string("part"), r.string("case"), r.string("metric"),
                        number(r.optionalNumber("value").orElse(null)), r.string("unit"),
                        r.optionalString("target").orElse("-"),
                        r.optionalBoolean("met").map(met -> met ? "yes" : "NO").orElse("-")});
            }
        }
        for (String part : failed) {
            table.add(new String[] {part, "-", "CRASHED (see its messages above)", "-", "-", "-", "-"});
        }
        Map<String, Object> combined = new LinkedHashMap<>();
        combined.put("generated_at", Instant.now().toString());
        combined.put("quick", quick);
        combined.put("parts", parts);
        combined.put("crashed", failed);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, Json.write(combined) + "\n", StandardCharsets.UTF_8);
        print(table);
    }

    private static String number(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        BigDecimal shown = value.abs().compareTo(BigDecimal.TEN) >= 0 ? value.setScale(0, java.math.RoundingMode.HALF_UP)
                : value.setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return shown.toPlainString();
    }

    private static void print(List<String[]> table) {
        int columns = table.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : table) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < table.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = table.get(r)[c];
                // numbers right-aligned, text left-aligned
                line.append(c == 3 ? " ".repeat(widths[c] - cell.length()) + cell
                        : cell + " ".repeat(widths[c] - cell.length()));
                line.append(c + 1 < columns ? "  " : "");
            }
            System.out.println(line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append("-".repeat(widths[c])).append(c + 1 < columns ? "  " : "");
                }
                System.out.println(rule);
            }
        }
    }
}
