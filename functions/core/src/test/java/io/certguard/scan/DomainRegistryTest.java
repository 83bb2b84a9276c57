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

    private static final DomainSid A = new DomainSid("DN" + "a".repeat(32));
    private static final DomainSid B = new DomainSid("DN" + "b".repeat(32));
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final DomainRegistry registry = new DomainRegistry(store);

    @Test
    void registeredDomainsAreReadBack_andReRegisteringReplaces() {
        registry.register(new MonitoredDomain(A, Optional.of("a.example.com"), 8443, Optional.of("arn:secret:other")));
        registry.register(new MonitoredDomain(B, Optional.empty(), 443));
        registry.register(new MonitoredDomain(B, Optional.of("b.example.com"), 443));

        assertThat(registry.registered()).containsExactly(
                new MonitoredDomain(A, Optional.of("a.example.com"), 8443, Optional.of("arn:secret:other")),
                new MonitoredDomain(B, Optional.of("b.example.com"), 443));
    }

    @Test
    void theUnionKeepsTheSettingsHostAndAddsTheRegistrysCredentials() {
        List<MonitoredDomain> configured = List.of(new MonitoredDomain(A, Optional.of("a.example.com"), 4443));
        List<MonitoredDomain> registered = List.of(
                new MonitoredDomain(A, Optional.of("old.example.com"), 443, Optional.of("arn:secret:sub")),
                new MonitoredDomain(B, Optional.empty(), 443));

        assertThat(DomainRegistry.union(configured, registered)).containsExactly(
                new MonitoredDomain(A, Optional.of("a.example.com"), 4443, Optional.of("arn:secret:sub")),
                new MonitoredDomain(B, Optional.empty(), 443));
    }

    @Test
    void aMalformedRegistryItemIsReportedByKey_notDropped() {
        store.save(StateRecord.fresh(new RecordKey(DomainRegistry.PARTITION, "not-a-sid"), Map.of()));
        assertThatThrownBy(registry::registered).hasMessageContaining("registry item REGISTRY|not-a-sid is malformed");
    }
}
