package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainRegistryTest {

    private static final DomainSid A = DomainSid.of("DN" + "a".repeat(32));
    private static final DomainSid B = DomainSid.of("DN" + "b".repeat(32));

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final DomainRegistry registry = new DomainRegistry(store);

    @Test
    void register_thenRegistered_returnsTheDomainsWithHostPortAndCredentials() {
        registry.register(new MonitoredDomain(A, Optional.of("links.example.com"), 8443, Optional.of("other/secret")));
        registry.register(MonitoredDomain.of(B));

        assertThat(registry.registered()).containsExactly(
                new MonitoredDomain(A, Optional.of("links.example.com"), 8443, Optional.of("other/secret")),
                MonitoredDomain.of(B));
    }

    @Test
    void register_again_replacesTheSettings() {
        registry.register(new MonitoredDomain(A, Optional.of("old.example.com"), 443));
        registry.register(new MonitoredDomain(A, Optional.of("new.example.com"), 443));

        assertThat(registry.registered()).containsExactly(new MonitoredDomain(A, Optional.of("new.example.com"), 443));
    }

    @Test
    void remove_deletesTheEntry_andSaysWhetherThereWasOne() {
        registry.register(MonitoredDomain.of(A));
        registry.register(MonitoredDomain.of(B));

        assertThat(registry.remove(A)).isTrue();
        assertThat(registry.remove(A)).isFalse();
        assertThat(registry.registered()).containsExactly(MonitoredDomain.of(B));
    }

    @Test
    void aMalformedItem_isReportedNotDropped() {
        store.save(StateRecord.fresh(new RecordKey(DomainRegistry.PARTITION, "not-a-sid"), Map.of()));

        assertThatThrownBy(registry::registered).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not-a-sid");
    }

    @Test
    void union_prefersTheSettingsHost_andAddsRegisteredDomainsAfterIt() {
        List<MonitoredDomain> all = DomainRegistry.union(List.of(new MonitoredDomain(A, Optional.of("set.example.com"), 443)),
                List.of(new MonitoredDomain(A, Optional.of("reg.example.com"), 8443, Optional.of("s")), MonitoredDomain.of(B)));

        assertThat(all).containsExactly(new MonitoredDomain(A, Optional.of("set.example.com"), 443, Optional.of("s")),
                MonitoredDomain.of(B));
    }
}
