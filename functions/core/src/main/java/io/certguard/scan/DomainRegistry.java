package io.certguard.scan;

import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Domains registered in the state table (partition {@code REGISTRY}, one item per domain SID, added by the command
 * line), beside those of the {@code DOMAINS} setting. The scan checks the union.
 */
public final class DomainRegistry {

    public static final String PARTITION = "REGISTRY";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String CREDENTIALS_SECRET = "credentialsSecret";

    private static final int SAVE_ATTEMPTS = 3;

    private final StateStore store;

    public DomainRegistry(StateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Adds or replaces a registered domain. */
    public void register(MonitoredDomain domain) {
        RecordKey key = key(domain.sid());
        Map<String, String> attributes = new LinkedHashMap<>();
        domain.host().ifPresent(h -> attributes.put(HOST, h));
        attributes.put(PORT, Integer.toString(domain.port()));
        domain.credentialsSecret().ifPresent(s -> attributes.put(CREDENTIALS_SECRET, s));
        StateRecord record = store.load(key).map(r -> r.withAttributes(attributes))
                .orElse(StateRecord.fresh(key, attributes));
        store.save(record);
    }

    /**
     * Removes a registered domain (a domain of the {@code DOMAINS} setting stays watched: remove it there).
     *
     * @return whether the domain was registered
     */
    public boolean remove(DomainSid sid) {
        RecordKey key = key(sid);
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Optional<StateRecord> record = store.load(key);
            if (record.isEmpty()) {
                return false;
            }
            try {
                store.delete(record.get());
                return true;
            } catch (StaleRecordException raced) {
                // changed since it was read (re-registered with other settings): read it again
            }
        }
        throw new StaleRecordException(key, -1);
    }

    private static RecordKey key(DomainSid sid) {
        return new RecordKey(PARTITION, sid.value());
    }

    /**
     * The registered domains. An item that does not parse is returned as an error rather than dropped.
     *
     * @throws IllegalStateException naming the malformed registry item
     */
    public List<MonitoredDomain> registered() {
        List<MonitoredDomain> domains = new ArrayList<>();
        for (StateRecord record : store.loadPartition(PARTITION)) {
            try {
                domains.add(new MonitoredDomain(DomainSid.of(record.key().sort()), record.attribute(HOST),
                        record.attribute(PORT).map(Integer::parseInt).orElse(MonitoredDomain.HTTPS_PORT),
                        record.attribute(CREDENTIALS_SECRET)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("registry item " + record.key() + " is malformed: " + e.getMessage(), e);
            }
        }
        return domains;
    }

    /** {@code configured} first (the function's setting), then registered domains not already listed. */
    public static List<MonitoredDomain> union(List<MonitoredDomain> configured, List<MonitoredDomain> registered) {
        Map<DomainSid, MonitoredDomain> all = new LinkedHashMap<>();
        configured.forEach(d -> all.put(d.sid(), d));
        registered.forEach(d -> all.merge(d.sid(), d, (fromSetting, fromRegistry) -> new MonitoredDomain(d.sid(),
                fromSetting.host().or(fromRegistry::host), fromSetting.host().isPresent() ? fromSetting.port()
                : fromRegistry.port(), fromSetting.credentialsSecret().or(fromRegistry::credentialsSecret))));
        return List.copyOf(all.values());
    }
}
