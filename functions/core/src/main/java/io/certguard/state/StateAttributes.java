package io.certguard.state;

import java.util.Set;

/** Attribute names the store itself uses in the table (template.yaml's StateTable). */
public final class StateAttributes {

    public static final String PARTITION = "pk";
    public static final String SORT = "sk";
    public static final String VERSION = "version";
    /** Sparse index hash key: present only on records due for polling. */
    public static final String POLL_SHARD = "pollShard";
    /** Sparse index range key: epoch seconds at which the record is due. */
    public static final String POLL_AT = "pollAt";
    /** DynamoDB TTL attribute, epoch seconds. */
    public static final String EXPIRES_AT = "expiresAt";
    /** The sparse global secondary index over {@link #POLL_SHARD} and {@link #POLL_AT}. */
    public static final String POLL_INDEX = "PollIndex";

    public static final Set<String> RESERVED = Set.of(PARTITION, SORT, VERSION, POLL_SHARD, POLL_AT, EXPIRES_AT);

    private StateAttributes() {
    }
}
