package io.certguard.scan;

import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes each scan batch idempotent. SQS delivers at least once and a failed invocation re-sends, so before checking a
 * batch the consumer claims it with a conditional write of {@code SCANRUN#<run>} / {@code BATCH#<batch>}: a duplicate
 * finds it done (and does nothing) or in progress (and is retried later by SQS); a claim whose lease ran out (its
 * invocation died) is taken over. The items expire through the table's TTL after a week.
 */
public final class BatchClaims {

    static final String STATUS = "status";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    private static final Duration KEEP = Duration.ofDays(7);

    private final StateStore store;

    public BatchClaims(StateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The outcome of trying to claim a batch. */
    public sealed interface Claim {
        /** This invocation owns the batch until the lease ends. */
        record Owned(StateRecord record) implements Claim {
        }

        /** An earlier delivery finished it: nothing to do. */
        record AlreadyDone() implements Claim {
        }

        /** Another invocation is on it (or claimed it a moment ago); try again after {@code leaseUntil}. */
        record Busy(Instant leaseUntil) implements Claim {
        }
    }

    static RecordKey key(ScanBatch batch) {
        return new RecordKey("SCANRUN#" + batch.runId(), "BATCH#" + batch.batchId());
    }

    /**
     * @param lease how long this invocation may hold the batch: its remaining time, so a crash frees it by the time
     *              SQS makes the message visible again
     */
    public Claim claim(ScanBatch batch, Instant now, Duration lease) {
        Optional<StateRecord> stored = store.load(key(batch));
        if (stored.flatMap(r -> r.attribute(STATUS)).filter(DONE::equals).isPresent()) {
            return new Claim.AlreadyDone();
        }
        Optional<Instant> held = stored.flatMap(r -> r.attribute(LEASE_UNTIL)).map(Instant::parse);
        if (held.isPresent() && held.get().isAfter(now)) {
            return new Claim.Busy(held.get());
        }
        Instant until = now.plus(lease);
        StateRecord base = stored.orElse(StateRecord.fresh(key(batch), Map.of()));
        try {
            return new Claim.Owned(store.save(base.withAttributes(Map.of(STATUS, IN_PROGRESS, LEASE_UNTIL, until.toString()))
                    .withExpiresAt(Optional.of(now.plus(KEEP)))));
        } catch (StaleRecordException raced) {
            return new Claim.Busy(until); // another delivery claimed it between our read and write
        }
    }

    /** Marks an owned batch done. A claim taken over after its lease ran out stays with the new owner. */
    public void done(Claim.Owned owned) {
        try {
            store.save(owned.record().withAttributes(Map.of(STATUS, DONE)));
        } catch (StaleRecordException takenOver) {
            // the lease ran out and another delivery owns the batch now; it will mark it done
        }
    }

    /** Gives an owned batch back (it failed), so the redelivery can take it at once. */
    public void release(Claim.Owned owned) {
        try {
            store.delete(owned.record());
        } catch (StaleRecordException takenOver) {
            // already taken over by another delivery
        }
    }
}
