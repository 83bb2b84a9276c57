package io.certguard.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One item of the state table, as the domain sees it: plain string attributes plus the few that the table indexes.
 * Never put secret material (keys, passphrases, tokens) into a record.
 *
 * @param key        partition and sort key
 * @param version    optimistic-lock version: 0 for a record not yet stored; the store increments it on each save
 * @param attributes the record's data; values are strings (structured values are JSON text)
 * @param pollAt     when set, the record is in the sparse poll index and is due for work at that time
 * @param expiresAt  when set, DynamoDB's TTL may delete the record after that time
 */
public record StateRecord(RecordKey key, long version, Map<String, String> attributes, Optional<Instant> pollAt,
        Optional<Instant> expiresAt) {

    public StateRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(pollAt, "pollAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        for (String name : attributes.keySet()) {
            if (StateAttributes.RESERVED.contains(name)) {
                throw new IllegalArgumentException("attribute name \"" + name + "\" is reserved for the store");
            }
        }
        attributes = Map.copyOf(new TreeMap<>(attributes));
    }

    /** A record that has not been stored yet. */
    public static StateRecord fresh(RecordKey key, Map<String, String> attributes) {
        return new StateRecord(key, 0, attributes, Optional.empty(), Optional.empty());
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public StateRecord withAttributes(Map<String, String> newAttributes) {
        return new StateRecord(key, version, newAttributes, pollAt, expiresAt);
    }

    public StateRecord withPollAt(Optional<Instant> when) {
        return new StateRecord(key, version, attributes, when, expiresAt);
    }

    public StateRecord withExpiresAt(Optional<Instant> when) {
        return new StateRecord(key, version, attributes, pollAt, when);
    }
}
