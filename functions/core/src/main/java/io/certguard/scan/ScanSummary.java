package io.certguard.scan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scan run did: the handler's return value and its closing log line. */
public record ScanSummary(List<DomainResult> domains) {

    public ScanSummary {
        domains = List.copyOf(domains);
    }

    public long count(DomainResult.Outcome outcome) {
        return domains.stream().filter(d -> d.outcome() == outcome).count();
    }

    public int alarmsPublished() {
        return domains.stream().mapToInt(DomainResult::alarmsPublished).sum();
    }

    public int alarmsPending() {
        return domains.stream().mapToInt(DomainResult::alarmsPending).sum();
    }

    /** True when the state table could not be read or written for some domain: the run must fail loudly. */
    public boolean stateFailed() {
        return domains.stream().flatMap(d -> d.failures().stream()).anyMatch(f -> f.part() == CheckFailure.Part.STATE);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domains", domains.size());
        json.put("checked", count(DomainResult.Outcome.CHECKED));
        json.put("failed", count(DomainResult.Outcome.FAILED));
        json.put("notReached", count(DomainResult.Outcome.NOT_REACHED));
        json.put("alarmsPublished", alarmsPublished());
        json.put("alarmsPending", alarmsPending());
        return json;
    }
}
