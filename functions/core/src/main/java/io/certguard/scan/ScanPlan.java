package io.certguard.scan;

/** What a scheduled run does with the domains left after it measured its pace on the first ones. */
public sealed interface ScanPlan {

    /** They fit in this invocation's remaining time: check them here. */
    record Local() implements ScanPlan {
    }

    /**
     * They do not: hand them to the queue in batches of {@code batchSize}, each small enough for a fresh invocation.
     */
    record FanOut(int batchSize) implements ScanPlan {
    }
}
