package io.certguard.adapter.memory;

import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The state table in memory, with the same conditional-save semantics as DynamoDB's: for the offline demo and for
 * tests of the use cases. Thread-safe; state is lost when the process ends.
 */
public final class InMemoryStateStore implements StateStore {

    private static final Comparator<RecordKey> ORDER = Comparator.comparing(RecordKey::partition)
            .thenComparing(RecordKey::sort);

    private final ConcurrentSkipListMap<RecordKey, StateRecord> records = new ConcurrentSkipListMap<>(ORDER);

    @Override
    public Optional<StateRecord> load(RecordKey key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public List<StateRecord> loadPartition(String partition) {
        return records.values().stream().filter(r -> r.key().partition().equals(partition)).toList();
    }

    @Override
    public synchronized StateRecord save(StateRecord record) {
        StateRecord current = records.get(record.key());
        long stored = current == null ? 0 : current.version();
        if (stored != record.version()) {
            throw new StaleRecordException(record.key(), record.version());
        }
        StateRecord saved = new StateRecord(record.key(), record.version() + 1, record.attributes(), record.pollAt(),
                record.expiresAt());
        records.put(record.key(), saved);
        return saved;
    }

    @Override
    public synchronized void delete(StateRecord record) {
        if (record.version() == 0) {
            throw new IllegalArgumentException("record " + record.key() + " was never stored (version 0)");
        }
        StateRecord current = records.get(record.key());
        if (current == null || current.version() != record.version()) {
            throw new StaleRecordException(record.key(), record.version());
        }
        records.remove(record.key());
    }

    @Override
    public List<StateRecord> dueForPoll(Instant now, int limit) {
        return records.values().stream()
                .filter(r -> r.pollAt().map(at -> !at.isAfter(now)).orElse(false))
                .sorted(Comparator.comparing(r -> r.pollAt().orElseThrow()))
                .limit(limit)
                .toList();
    }
}
