package io.certguard.state;

import java.util.Objects;

/**
 * Where a record lives in the state table: a partition (for example {@code DOMAIN#DN…}) and a sort key within it
 * (for example {@code STATE} or {@code UPLOAD#<secret version>}), so one domain's scan state, uploads and registry
 * entry sit together and one query reads them all.
 */
public record RecordKey(String partition, String sort) {

    public RecordKey {
        requireText(partition, "partition");
        requireText(sort, "sort");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " key is blank");
        }
        if (value.length() > 1024) {
            throw new IllegalArgumentException(name + " key longer than 1024 characters"); // DynamoDB's sort key limit
        }
    }

    @Override
    public String toString() {
        return partition + "|" + sort;
    }
}
