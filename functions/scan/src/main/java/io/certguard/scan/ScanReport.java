package io.certguard.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/** One structured log line per domain and run (no secrets: SIDs, host, dates and error summaries only). */
final class ScanReport {

    private ScanReport() {
    }

    static Map<String, Object> line(DomainReading reading) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "domain_scanned");
        line.put("domain_sid", reading.sid().value());
        switch (reading) {
            case DomainReading.Read read -> {
                line.put("status", "checked");
                read.host().ifPresent(h -> line.put("host", h));
                read.expires().ifPresent(e -> line.put("date_expires", e.toString()));
                read.daysLeft().ifPresent(d -> line.put("days_left", d));
                read.managed().ifPresent(m -> line.put("managed", m));
                line.put("in_validation", read.inValidation());
            }
            case DomainReading.Failed failed -> {
                line.put("status", "failed");
                line.put("reason", failed.reason());
            }
        }
        return line;
    }
}
