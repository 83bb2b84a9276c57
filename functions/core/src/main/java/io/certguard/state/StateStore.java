package io.certguard.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The state table: domain observations, alarms sent, uploads in flight and the domain registry. */
public interface StateStore {

    Optional<StateRecord> load(RecordKey key);

    /** Every record of one partition (for example one domain's state and uploads, or the registry), in sort-key order. */
    List<StateRecord> loadPartition(String partition);

    /**
     * Saves a record if nobody else saved it since it was read: a record of version 0 must not exist yet, any other
     * version must still be the stored one.
     *
     * @return the record as stored, with its version incremented
     * @throws StaleRecordException when the condition fails; nothing was written
     */
    StateRecord save(StateRecord record);

    /**
     * Deletes a record if nobody else saved it since it was read: its version must still be the stored one.
     *
     * @throws StaleRecordException when the stored record is newer, or gone; nothing was deleted
     * @throws IllegalArgumentException for a record of version 0, which was never stored
     */
    void delete(StateRecord record);

    /** Records in the poll index due at or before {@code now}, earliest first, at most {@code limit}. */
    List<StateRecord> dueForPoll(Instant now, int limit);
}
