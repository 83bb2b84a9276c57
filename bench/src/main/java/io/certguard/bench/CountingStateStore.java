package io.certguard.bench;

import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A state store that counts the DynamoDB requests the production adapter ({@code DynamoDbStateStore}) would make for
 * each call: {@code load} is one GetItem, {@code loadPartition} and {@code dueForPoll} one Query each (one page: a
 * domain's partition is a few small items, far below Query's 1 MB page), {@code save} one conditional PutItem,
 * {@code delete} one conditional DeleteItem. A save that fails its condition is counted too: DynamoDB bills it.
 */
final class CountingStateStore implements StateStore {

    private final StateStore delegate;
    private final AtomicLong getItems = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong putItems = new AtomicLong();
    private final AtomicLong deleteItems = new AtomicLong();

    CountingStateStore(StateStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Counts since the store was made, as {@code GetItem}, {@code Query}, {@code PutItem}, {@code DeleteItem}. */
    Counts counts() {
        return new Counts(getItems.get(), queries.get(), putItems.get(), deleteItems.get());
    }

    /** DynamoDB requests by API action. */
    record Counts(long getItem, long query, long putItem, long deleteItem) {

        long reads() {
            return getItem + query;
        }

        long writes() {
            return putItem + deleteItem;
        }

        Counts minus(Counts earlier) {
            return new Counts(getItem - earlier.getItem, query - earlier.query, putItem - earlier.putItem,
                    deleteItem - earlier.deleteItem);
        }

        Map<String, Object> toJson() {
            return Map.of("GetItem", getItem, "Query", query, "PutItem", putItem, "DeleteItem", deleteItem,
                    "reads", reads(), "writes", writes());
        }
    }

    @Override
    public Optional<StateRecord> load(RecordKey key) {
        getItems.incrementAndGet();
        return delegate.load(key);
    }

    @Override
    public List<StateRecord> loadPartition(String partition) {
        queries.incrementAndGet();
        return delegate.loadPartition(partition);
    }

    @Override
    public StateRecord save(StateRecord record) {
        putItems.incrementAndGet();
        return delegate.save(record);
    }

    @Override
    public void delete(StateRecord record) {
        deleteItems.incrementAndGet();
        delegate.delete(record);
    }

    @Override
    public List<StateRecord> dueForPoll(Instant now, int limit) {
        queries.incrementAndGet();
        return delegate.dueForPoll(now, limit);
    }
}
