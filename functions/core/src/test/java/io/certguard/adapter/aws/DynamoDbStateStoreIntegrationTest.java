package io.certguard.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStoreException;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.TemplateResources;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@ExtendWith(AwsEmulator.class)
class DynamoDbStateStoreIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static String table;
    private static DynamoDbStateStore store;
    private static AwsClients aws;

    @BeforeAll
    static void createTable(AwsClients clients) {
        aws = clients;
        table = AwsEmulator.uniqueName("state");
        TemplateResources.fromProject().createStateTable(aws.dynamoDb(), table);
        store = new DynamoDbStateStore(aws.dynamoDb(), table);
    }

    @AfterAll
    static void dropTable() {
        aws.dynamoDb().deleteTable(b -> b.tableName(table));
    }

    @Test
    void save_storesAFreshRecordAtVersion1_andLoadReturnsIt() {
        RecordKey key = new RecordKey("DOMAIN#DN" + "1".repeat(32), "STATE");
        StateRecord saved = store.save(StateRecord.fresh(key, Map.of("host", "links.example.com", "failures", "0"))
                .withExpiresAt(Optional.of(NOW.plusSeconds(86_400))));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(store.load(key)).contains(saved);
    }

    @Test
    void load_isEmptyForAMissingRecord() {
        assertThat(store.load(new RecordKey("DOMAIN#none", "STATE"))).isEmpty();
    }

    @Test
    void save_refusesAFreshRecordWhenOneExists_andAStaleVersion() {
        RecordKey key = new RecordKey("DOMAIN#stale", "STATE");
        StateRecord first = store.save(StateRecord.fresh(key, Map.of("n", "1")));
        StateRecord second = store.save(first.withAttributes(Map.of("n", "2")));

        assertThatThrownBy(() -> store.save(StateRecord.fresh(key, Map.of("n", "x"))))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("reload and retry");
        assertThatThrownBy(() -> store.save(first.withAttributes(Map.of("n", "lost update"))))
                .isInstanceOf(StaleRecordException.class);
        assertThat(store.load(key)).contains(second);
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void concurrentSavesOfTheSameVersion_exactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                RecordKey key = new RecordKey("DOMAIN#race-" + round, "STATE");
                StateRecord base = store.save(StateRecord.fresh(key, Map.of("writer", "none")));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int writer = 0; writer < 8; writer++) {
                    String name = "writer-" + writer;
                    Callable<Boolean> save = () -> {
                        start.await();
                        try {
                            store.save(base.withAttributes(Map.of("writer", name)));
                            return true;
                        } catch (StaleRecordException lost) {
                            return false;
                        }
                    };
                    results.add(pool.submit(save));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners in round %d", round).isEqualTo(1);
                assertThat(store.load(key).orElseThrow().version()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void delete_isConditionalOnTheVersionRead() {
        RecordKey key = new RecordKey("DOMAIN#DN" + "d".repeat(32), "STATE");
        StateRecord first = store.save(StateRecord.fresh(key, Map.of("n", "1")));
        StateRecord second = store.save(first.withAttributes(Map.of("n", "2")));

        assertThatThrownBy(() -> store.delete(first)).isInstanceOf(StaleRecordException.class);
        assertThat(store.load(key)).contains(second);

        store.delete(second);
        assertThat(store.load(key)).isEmpty();
        assertThatThrownBy(() -> store.delete(second)).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void loadPartition_returnsEveryRecordOfOnePartitionInSortOrder() {
        String partition = "DOMAIN#partition-" + AwsEmulator.uniqueName("p");
        store.save(StateRecord.fresh(new RecordKey(partition, "UPLOAD#v2"), Map.of("v", "2")));
        store.save(StateRecord.fresh(new RecordKey(partition, "STATE"), Map.of("v", "s")));
        store.save(StateRecord.fresh(new RecordKey(partition, "UPLOAD#v1"), Map.of("v", "1")));
        store.save(StateRecord.fresh(new RecordKey(partition + "-other", "STATE"), Map.of("v", "other")));

        assertThat(store.loadPartition(partition)).extracting(r -> r.key().sort())
                .containsExactly("STATE", "UPLOAD#v1", "UPLOAD#v2");
    }

    @Test
    void dueForPoll_readsOnlyDueRecordsFromTheSparseIndex_earliestFirst() {
        String partition = "DOMAIN#poll-" + AwsEmulator.uniqueName("p");
        StateRecord later = store.save(StateRecord.fresh(new RecordKey(partition, "UPLOAD#later"), Map.of())
                .withPollAt(Optional.of(NOW.plusSeconds(600))));
        StateRecord due1 = store.save(StateRecord.fresh(new RecordKey(partition, "UPLOAD#due1"), Map.of())
                .withPollAt(Optional.of(NOW.minusSeconds(60))));
        StateRecord due2 = store.save(StateRecord.fresh(new RecordKey(partition, "UPLOAD#due2"), Map.of())
                .withPollAt(Optional.of(NOW.minusSeconds(120))));
        store.save(StateRecord.fresh(new RecordKey(partition, "STATE"), Map.of()));

        List<StateRecord> due = store.dueForPoll(NOW, 100).stream()
                .filter(r -> r.key().partition().equals(partition)).toList();
        assertThat(due).extracting(r -> r.key().sort()).containsExactly("UPLOAD#due2", "UPLOAD#due1");
        assertThat(due.get(0).pollAt()).contains(NOW.minusSeconds(120));

        // Clearing pollAt takes a record out of the index.
        store.save(due1.withPollAt(Optional.empty()));
        assertThat(store.dueForPoll(NOW, 100)).extracting(r -> r.key().sort())
                .contains("UPLOAD#due2").doesNotContain("UPLOAD#due1", "UPLOAD#later", "STATE");
        assertThat(later.pollAt()).isPresent();
        assertThat(due2.version()).isEqualTo(1);
    }

    @Test
    void dueForPoll_respectsTheLimit() {
        String partition = "DOMAIN#limit-" + AwsEmulator.uniqueName("p");
        for (int i = 0; i < 5; i++) {
            store.save(StateRecord.fresh(new RecordKey(partition, "UPLOAD#" + i), Map.of())
                    .withPollAt(Optional.of(NOW.minusSeconds(3600 + i))));
        }
        assertThat(store.dueForPoll(NOW, 3)).hasSize(3);
    }

    @Test
    void tableHasTheTemplatesTtlAttribute() {
        assertThat(aws.dynamoDb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
                });
    }

    @Test
    void aMissingTable_isAStateStoreErrorNamingTheTable() {
        DynamoDbStateStore missing = new DynamoDbStateStore(aws.dynamoDb(), "no-such-table");
        assertThatThrownBy(() -> missing.load(new RecordKey("a", "b")))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("no-such-table");
    }
}
