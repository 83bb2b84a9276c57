package io.certguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} promises, whatever keeps the records: conditional saves and deletes on the version read
 * (optimistic locking), partitions in sort-key order, and the due-for-poll view. Each implementation's test extends
 * this with a fresh, empty store per test.
 */
public abstract class StateStoreContract {

    protected static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    /** A new, empty store. */
    protected abstract StateStore store();

    private static RecordKey key(String partition, String sort) {
        return new RecordKey(partition, sort);
    }

    @Test
    void save_storesAFreshRecordAtVersion1_andLoadReturnsItWhole() {
        StateStore store = store();
        RecordKey key = key("DOMAIN#DN" + "1".repeat(32), "STATE");
        StateRecord saved = store.save(StateRecord.fresh(key, Map.of("host", "links.example.com", "note", "ü \"quoted\"\n"))
                .withPollAt(Optional.of(NOW)).withExpiresAt(Optional.of(NOW.plusSeconds(86_400))));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.load(key)).contains(saved);
    }

    @Test
    void load_isEmptyForAMissingRecord() {
        assertThat(store().load(key("DOMAIN#none", "STATE"))).isEmpty();
    }

    @Test
    void save_refusesAFreshRecordWhenOneExists_andAStaleVersion_writingNothing() {
        StateStore store = store();
        RecordKey key = key("p", "s");
        StateRecord first = store.save(StateRecord.fresh(key, Map.of("n", "1")));
        StateRecord second = store.save(first.withAttributes(Map.of("n", "2")));

        assertThat(second.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.save(StateRecord.fresh(key, Map.of("n", "fresh"))))
                .isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> store.save(first.withAttributes(Map.of("n", "stale"))))
                .isInstanceOf(StaleRecordException.class);
        assertThat(store.load(key).orElseThrow().attribute("n")).contains("2");
    }

    @Test
    void delete_removesTheRecordOfTheVersionRead() {
        StateStore store = store();
        StateRecord saved = store.save(StateRecord.fresh(key("p", "s"), Map.of("n", "1")));

        store.delete(saved);

        assertThat(store.load(saved.key())).isEmpty();
        assertThat(store.loadPartition("p")).isEmpty();
    }

    @Test
    void delete_refusesAStaleVersion_andAMissingRecord_deletingNothing() {
        StateStore store = store();
        StateRecord first = store.save(StateRecord.fresh(key("p", "s"), Map.of("n", "1")));
        StateRecord second = store.save(first.withAttributes(Map.of("n", "2")));

        assertThatThrownBy(() -> store.delete(first)).isInstanceOf(StaleRecordException.class);
        assertThat(store.load(first.key())).contains(second);

        store.delete(second);
        assertThatThrownBy(() -> store.delete(second)).isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> store.delete(StateRecord.fresh(key("p", "never"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadPartition_returnsEveryRecordOfOnePartitionInSortOrder() {
        StateStore store = store();
        store.save(StateRecord.fresh(key("DOMAIN#b", "UPLOAD#2"), Map.of()));
        store.save(StateRecord.fresh(key("DOMAIN#a", "STATE"), Map.of()));
        store.save(StateRecord.fresh(key("DOMAIN#b", "STATE"), Map.of()));
        store.save(StateRecord.fresh(key("DOMAIN#b", "UPLOAD#1"), Map.of()));

        assertThat(store.loadPartition("DOMAIN#b")).extracting(r -> r.key().sort())
                .containsExactly("STATE", "UPLOAD#1", "UPLOAD#2");
        assertThat(store.loadPartition("DOMAIN#c")).isEmpty();
    }

    @Test
    void dueForPoll_returnsOnlyDueRecords_earliestFirst_upToTheLimit() {
        StateStore store = store();
        store.save(StateRecord.fresh(key("d", "late"), Map.of()).withPollAt(Optional.of(NOW.plusSeconds(60))));
        store.save(StateRecord.fresh(key("d", "second"), Map.of()).withPollAt(Optional.of(NOW.minusSeconds(60))));
        store.save(StateRecord.fresh(key("d", "first"), Map.of()).withPollAt(Optional.of(NOW.minusSeconds(120))));
        store.save(StateRecord.fresh(key("d", "exactly"), Map.of()).withPollAt(Optional.of(NOW)));
        store.save(StateRecord.fresh(key("d", "never"), Map.of()));

        assertThat(store.dueForPoll(NOW, 10)).extracting(r -> r.key().sort())
                .containsExactly("first", "second", "exactly");
        assertThat(store.dueForPoll(NOW, 1)).extracting(r -> r.key().sort()).containsExactly("first");
    }

    @Test
    void concurrentSavesOfTheSameVersion_exactlyOneWins() throws Exception {
        StateStore store = store();
        StateRecord base = store.save(StateRecord.fresh(key("race", "STATE"), Map.of("n", "0")));
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String value = Integer.toString(i + 1);
            tasks.add(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    store.save(base.withAttributes(Map.of("n", value)));
                    return true;
                } catch (StaleRecordException lost) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            tasks.forEach(t -> results.add(pool.submit(t)));
            start.countDown();
            int wins = 0;
            for (Future<Boolean> r : results) {
                wins += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(store.load(base.key()).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
