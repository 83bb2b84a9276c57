package io.certguard.cli.bundle;

import io.certguard.bundle.BundleReport;
import io.certguard.bundle.Finding;
import io.certguard.bundle.LeafSummary;
import io.certguard.bundle.Severity;
import io.certguard.cli.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle report for people and for programs. Shows findings and the leaf's identity: never the key, never PEM.
 */
final class BundleReportView {

    private static final int WIDTH = 100;

    private BundleReportView() {
    }

    /** {@code {"uploadable","findings":[{"code","severity","message","certificateIndex"}],"leaf":{…}|null}}. */
    static Map<String, Object> json(BundleReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("uploadable", report.uploadable());
        json.put("findings", findings(report.findings()));
        json.put("leaf", leaf(report).map(BundleReportView::leafJson).orElse(null));
        return json;
    }

    /** {@code [{"code","severity","message","certificateIndex"}]}. */
    static List<Object> findings(List<Finding> all) {
        List<Object> findings = new ArrayList<>();
        for (Finding f : all) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("code", f.code().name());
            finding.put("severity", f.severity().name());
            finding.put("message", f.message());
            finding.put("certificateIndex", f.certificateIndex().isPresent() ? f.certificateIndex().getAsInt() : null);
            findings.add(finding);
        }
        return findings;
    }

    private static Map<String, Object> leafJson(LeafSummary leaf) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", leaf.subject());
        json.put("notAfter", leaf.notAfter().toString());
        json.put("fingerprintSha256", leaf.sha256Fingerprint());
        return json;
    }

    static Optional<LeafSummary> leaf(BundleReport report) {
        return switch (report) {
            case BundleReport.Uploadable u -> Optional.of(u.leaf());
            case BundleReport.Rejected r -> r.leaf();
        };
    }

    static String human(String file, String host, BundleReport report, Instant now) {
        StringBuilder text = new StringBuilder();
        long errors = count(report, Severity.ERROR);
        long warnings = count(report, Severity.WARNING);
        text.append(file).append(": ").append(report.uploadable() ? "uploadable" : "NOT uploadable")
                .append(" for ").append(host).append(" (").append(Text.count(errors, "error")).append(", ")
                .append(Text.count(warnings, "warning")).append(")\n");
        leaf(report).ifPresent(leaf -> {
            long days = Text.daysLeft(now, leaf.notAfter());
            text.append("\nLeaf:     ").append(leaf.subject()).append('\n');
            text.append("Expires:  ").append(Text.utc(leaf.notAfter())).append(days < 0 ? " (expired)"
                    : " (" + Text.days(days) + " left)").append('\n');
            text.append("SHA-256:  ").append(leaf.sha256Fingerprint()).append('\n');
        });
        text.append(findingsText(report.findings()));
        return text.toString();
    }

    /** Each finding: severity and code, then its message wrapped and indented; a blank line before them. */
    static String findingsText(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        if (!findings.isEmpty()) {
            text.append('\n');
        }
        for (Finding f : findings) {
            String head = String.format("%-8s %s%s", f.severity(), f.code(),
                    f.certificateIndex().isPresent() ? " (certificate " + f.certificateIndex().getAsInt() + ")" : "");
            text.append(head).append('\n').append("         ")
                    .append(Text.wrap(f.message(), WIDTH - 9, "         ")).append('\n');
        }
        return text.toString();
    }

    private static long count(BundleReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).count();
    }
}
