package io.certguard.state;

/**
 * A conditional save lost a race: the stored record is newer than the one the caller read (or exists when the caller
 * expected none). Nothing was written. Reload the record, re-apply the decision and save again.
 */
public final class StaleRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RecordKey key;
    private final long expectedVersion;

    public StaleRecordException(RecordKey key, long expectedVersion) {
        super("state record " + key + " changed since version " + expectedVersion + " was read; reload and retry");
        this.key = key;
        this.expectedVersion = expectedVersion;
    }

    public RecordKey key() {
        return key;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
