package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanBacklogTest {

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final ScanBacklog backlog = new ScanBacklog(store);
    private final List<MonitoredDomain> domains = List.of(domain('1'), domain('2'), domain('3'), domain('4'));

    @Test
    void domainsNotReachedLastRun_comeFirstNextRun() {
        backlog.record(summary(DomainResult.Outcome.CHECKED, DomainResult.Outcome.CHECKED,
                DomainResult.Outcome.NOT_REACHED, DomainResult.Outcome.NOT_REACHED));

        assertThat(backlog.prioritize(domains)).extracting(MonitoredDomain::sid)
                .containsExactly(domain('3').sid(), domain('4').sid(), domain('1').sid(), domain('2').sid());
    }

    @Test
    void aFinishedRunClearsTheBacklog_andAnUnchangedOneWritesNothing() {
        backlog.record(summary(DomainResult.Outcome.NOT_REACHED, DomainResult.Outcome.CHECKED,
                DomainResult.Outcome.CHECKED, DomainResult.Outcome.CHECKED));
        backlog.record(summary(DomainResult.Outcome.CHECKED, DomainResult.Outcome.CHECKED,
                DomainResult.Outcome.CHECKED, DomainResult.Outcome.CHECKED));
        long version = store.load(ScanBacklog.KEY).orElseThrow().version();
        backlog.record(summary(DomainResult.Outcome.CHECKED, DomainResult.Outcome.FAILED,
                DomainResult.Outcome.CHECKED, DomainResult.Outcome.CHECKED));

        assertThat(backlog.prioritize(domains)).isEqualTo(domains);
        assertThat(store.load(ScanBacklog.KEY).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aRunWithoutBacklogEverWritesNothing() {
        backlog.record(summary(DomainResult.Outcome.CHECKED, DomainResult.Outcome.CHECKED,
                DomainResult.Outcome.CHECKED, DomainResult.Outcome.CHECKED));
        assertThat(store.load(ScanBacklog.KEY)).isEmpty();
    }

    private ScanSummary summary(DomainResult.Outcome... outcomes) {
        List<DomainResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            results.add(new DomainResult(domains.get(i).sid(), "h", outcomes[i], Optional.empty(), Optional.empty(), 0, 0,
                    List.of()));
        }
        return new ScanSummary(results);
    }

    private static MonitoredDomain domain(char c) {
        return MonitoredDomain.of(new DomainSid("DN" + String.valueOf(c).repeat(32)));
    }
}
