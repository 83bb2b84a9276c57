package io.certguard.scan;

import io.certguard.domain.DomainSid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scan run did: the handler's return value and its closing log line. */
public record ScanSummary(List<DomainResult> domains) {

    public ScanSummary {
        domains = List.copyOf(domains);
    }

    /** This run's results followed by {@code later}'s. */
    public ScanSummary plus(ScanSummary later) {
        List<DomainResult> all = new ArrayList<>(domains);
        all.addAll(later.domains);
        return new ScanSummary(all);
    }

    /** Only the domains this run got to (checked or failed), without the ones its deadline left. */
    public ScanSummary reached() {
        return new ScanSummary(domains.stream().filter(d -> d.outcome() != DomainResult.Outcome.NOT_REACHED).toList());
    }

    public boolean includes(DomainSid sid) {
        return domains.stream().anyMatch(d -> d.sid().equals(sid));
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
