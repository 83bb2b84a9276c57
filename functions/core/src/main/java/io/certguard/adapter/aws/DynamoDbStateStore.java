package io.certguard.adapter.aws;

import static io.certguard.state.StateAttributes.EXPIRES_AT;
import static io.certguard.state.StateAttributes.PARTITION;
import static io.certguard.state.StateAttributes.POLL_AT;
import static io.certguard.state.StateAttributes.POLL_INDEX;
import static io.certguard.state.StateAttributes.POLL_SHARD;
import static io.certguard.state.StateAttributes.SORT;
import static io.certguard.state.StateAttributes.VERSION;

import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateAttributes;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import io.certguard.state.StateStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The state table in DynamoDB (template.yaml's {@code StateTable}). Saves are conditional on the version the caller
 * read (optimistic locking), so a concurrent scan, upload or poll never overwrites a newer state. Reads are strongly
 * consistent on the table; the poll index is eventually consistent by nature, so callers re-load before acting.
 */
public final class DynamoDbStateStore implements StateStore {

    /** The single value of the poll index's hash key: the index holds only due records, so it stays small. */
    static final String POLL_SHARD_VALUE = "due";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbStateStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public Optional<StateRecord> load(RecordKey key) {
        GetItemResponse response;
        try {
            response = dynamoDb.getItem(b -> b.tableName(tableName).key(keyOf(key)).consistentRead(true));
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public List<StateRecord> loadPartition(String partition) {
        return queryAll(QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PARTITION))
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .consistentRead(true), Integer.MAX_VALUE, "read partition " + partition);
    }

    @Override
    public StateRecord save(StateRecord record) {
        long next = record.version() + 1;
        Map<String, AttributeValue> item = toItem(record, next);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(tableName).item(item);
        if (record.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PARTITION));
        } else {
            put.conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(record.version())));
        }
        try {
            dynamoDb.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            throw new StaleRecordException(record.key(), record.version());
        } catch (SdkException e) {
            throw failure("write " + record.key(), e);
        }
        return new StateRecord(record.key(), next, record.attributes(), record.pollAt(), record.expiresAt());
    }

    @Override
    public void delete(StateRecord record) {
        if (record.version() == 0) {
            throw new IllegalArgumentException("record " + record.key() + " was never stored (version 0)");
        }
        try {
            // A missing item fails the condition too: there is nothing of that version to delete.
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(keyOf(record.key()))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(record.version()))));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleRecordException(record.key(), record.version());
        } catch (SdkException e) {
            throw failure("delete " + record.key(), e);
        }
    }

    @Override
    public List<StateRecord> dueForPoll(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return queryAll(QueryRequest.builder()
                .tableName(tableName)
                .indexName(POLL_INDEX)
                .keyConditionExpression("#shard = :shard AND #at <= :now")
                .expressionAttributeNames(Map.of("#shard", POLL_SHARD, "#at", POLL_AT))
                .expressionAttributeValues(Map.of(":shard", s(POLL_SHARD_VALUE), ":now", n(now.getEpochSecond()))),
                limit, "query " + POLL_INDEX);
    }

    /** Follows the pages of a query until it ends or {@code limit} records are read. */
    private List<StateRecord> queryAll(QueryRequest.Builder query, int limit, String what) {
        List<StateRecord> records = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        try {
            do {
                if (limit != Integer.MAX_VALUE) {
                    query.limit(limit - records.size());
                }
                QueryResponse page = dynamoDb.query(query.exclusiveStartKey(startKey).build());
                page.items().forEach(item -> records.add(fromItem(item)));
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null && records.size() < limit);
        } catch (SdkException e) {
            throw failure(what, e);
        }
        return records;
    }

    private static Map<String, AttributeValue> keyOf(RecordKey key) {
        return Map.of(PARTITION, s(key.partition()), SORT, s(key.sort()));
    }

    private static Map<String, AttributeValue> toItem(StateRecord record, long version) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(record.key()));
        record.attributes().forEach((name, value) -> item.put(name, s(value)));
        item.put(VERSION, n(version));
        record.pollAt().ifPresent(at -> {
            item.put(POLL_SHARD, s(POLL_SHARD_VALUE));
            item.put(POLL_AT, n(at.getEpochSecond()));
        });
        record.expiresAt().ifPresent(at -> item.put(EXPIRES_AT, n(at.getEpochSecond())));
        return item;
    }

    private static StateRecord fromItem(Map<String, AttributeValue> item) {
        RecordKey key = new RecordKey(item.get(PARTITION).s(), item.get(SORT).s());
        Map<String, String> attributes = new HashMap<>();
        item.forEach((name, value) -> {
            if (!StateAttributes.RESERVED.contains(name) && value.s() != null) {
                attributes.put(name, value.s());
            }
        });
        long version = item.containsKey(VERSION) ? Long.parseLong(item.get(VERSION).n()) : 0;
        Optional<Instant> pollAt = Optional.ofNullable(item.get(POLL_AT)).map(v -> Instant.ofEpochSecond(Long.parseLong(v.n())));
        Optional<Instant> expiresAt = Optional.ofNullable(item.get(EXPIRES_AT))
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v.n())));
        return new StateRecord(key, version, attributes, pollAt, expiresAt);
    }

    private StateStoreException failure(String what, SdkException e) {
        return new StateStoreException("DynamoDB table " + tableName + ": could not " + what + ": " + e.getMessage(), e);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
