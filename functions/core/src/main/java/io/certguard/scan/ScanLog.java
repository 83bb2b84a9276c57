package io.certguard.scan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One structured JSON log line per domain and run, which is also a CloudWatch Embedded Metric Format record
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * CloudWatch extracts {@code DaysToExpiry} per domain, and {@code CheckFailed} and {@code AlarmsPublished}, without
 * any API call. No secret is ever part of a line.
 */
public final class ScanLog {

    public static final String NAMESPACE = "certguard";

    private ScanLog() {
    }

    public static Map<String, Object> domainLine(DomainResult result, Instant now) {
        Map<String, Object> line = new LinkedHashMap<>();
        List<Map<String, Object>> metrics = new java.util.ArrayList<>();
        metrics.add(metric("CheckFailed", "Count"));
        metrics.add(metric("AlarmsPublished", "Count"));
        result.daysLeft().ifPresent(d -> metrics.add(metric("DaysToExpiry", "None")));
        line.put("_aws", Map.of("Timestamp", now.toEpochMilli(), "CloudWatchMetrics", List.of(Map.of(
                "Namespace", NAMESPACE, "Dimensions", List.of(List.of("Domain")), "Metrics", metrics))));
        line.put("event", "domain_scanned");
        line.put("Domain", result.host());
        line.put("domain_sid", result.sid().value());
        line.put("outcome", result.outcome().name());
        result.daysLeft().ifPresent(d -> line.put("DaysToExpiry", d));
        line.put("CheckFailed", result.outcome() == DomainResult.Outcome.FAILED ? 1 : 0);
        line.put("AlarmsPublished", result.alarmsPublished());
        if (result.alarmsPending() > 0) {
            line.put("alarms_pending", result.alarmsPending());
        }
        result.observation().ifPresent(o -> {
            o.certificate().flatMap(c -> c.dateExpires()).ifPresent(e -> line.put("date_expires", e.toString()));
            line.put("managed", o.managed());
            o.caa().ifPresent(c -> line.put("caa", c.kind().name()));
            o.live().ifPresent(l -> {
                line.put("live_not_after", l.leafNotAfter().toString());
                line.put("live_verified", l.verified());
            });
            o.continueOnFailure().ifPresent(c -> line.put("continue_on_failure", c));
            line.put("in_validation", o.replacementInValidation());
        });
        if (!result.failures().isEmpty()) {
            line.put("failures", result.failures().stream().map(f -> f.part() + ": " + f.message()).toList());
        }
        return line;
    }

    private static Map<String, Object> metric(String name, String unit) {
        return Map.of("Name", name, "Unit", unit);
    }
}
