package io.certguard.scan;

import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The domains a run did not reach before its deadline, kept in one item ({@code SCAN} / {@code BACKLOG}) so the next
 * run checks them first: a large scan cut short never leaves the same domains unchecked twice. Written only when a run
 * leaves a backlog or clears one, so a run that finishes costs no write.
 */
public final class ScanBacklog {

    static final RecordKey KEY = new RecordKey("SCAN", "BACKLOG");
    static final String DOMAINS = "domains";

    private final StateStore store;

    public ScanBacklog(StateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** {@code domains} with the previous run's unfinished ones first, in the order they were left. */
    public List<MonitoredDomain> prioritize(List<MonitoredDomain> domains) {
        Set<DomainSid> first = new LinkedHashSet<>(pending(store.load(KEY)));
        List<MonitoredDomain> ordered = new ArrayList<>(domains.size());
        for (DomainSid sid : first) {
            domains.stream().filter(d -> d.sid().equals(sid)).findFirst().ifPresent(ordered::add);
        }
        domains.stream().filter(d -> !first.contains(d.sid())).forEach(ordered::add);
        return ordered;
    }

    /** Records what {@code summary} left unfinished (or clears the backlog). A concurrent run's write wins. */
    public void record(ScanSummary summary) {
        List<DomainSid> unfinished = summary.domains().stream()
                .filter(d -> d.outcome() == DomainResult.Outcome.NOT_REACHED).map(DomainResult::sid).toList();
        Optional<StateRecord> current = store.load(KEY);
        if (pending(current).equals(unfinished)) {
            return;
        }
        String value = String.join(",", unfinished.stream().map(DomainSid::value).toList());
        StateRecord next = current.map(r -> r.withAttributes(Map.of(DOMAINS, value)))
                .orElse(StateRecord.fresh(KEY, Map.of(DOMAINS, value)));
        try {
            store.save(next);
        } catch (StaleRecordException raced) {
            // another run recorded its own backlog at the same time; either is a fair order for the next run
        }
    }

    private static List<DomainSid> pending(Optional<StateRecord> record) {
        return record.flatMap(r -> r.attribute(DOMAINS)).filter(s -> !s.isBlank())
                .map(s -> java.util.Arrays.stream(s.split(",")).map(DomainSid::of).toList()).orElse(List.of());
    }
}
