package io.certguard.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether the rest of a run fits in the current invocation, from the pace measured on its first domains.
 * Pure: the caller passes the measured pace and the times left. A run that does not fit is split into batches sized
 * for a fresh invocation, with the same safety factor, so a batch normally finishes well inside its own timeout (and
 * one that does not hands on its remainder).
 *
 * @param margin time kept back from every invocation's deadline (the handler's margin)
 * @param safety how much slower than measured the rest may go and still fit (2 = half the measured pace)
 */
public record ScanPlanner(Duration margin, double safety) {

    public ScanPlanner {
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative() || !(safety >= 1.0)) {
            throw new IllegalArgumentException("margin must not be negative and safety must be at least 1");
        }
    }

    /**
     * @param pending          domains still to check in this run
     * @param domainsPerSecond pace measured on this run's first domains (at the run's concurrency)
     * @param remaining        this invocation's time left now
     * @param invocationBudget the whole time a fresh invocation gets (the function's timeout)
     */
    public ScanPlan plan(int pending, double domainsPerSecond, Duration remaining, Duration invocationBudget) {
        if (pending <= capacity(domainsPerSecond, remaining)) {
            return new ScanPlan.Local();
        }
        int perInvocation = capacity(domainsPerSecond, invocationBudget);
        return new ScanPlan.FanOut(Math.clamp(perInvocation, 1, ScanBatch.MAX_DOMAINS));
    }

    /** Domains that fit in {@code time} after the margin, at {@code domainsPerSecond} divided by the safety factor. */
    int capacity(double domainsPerSecond, Duration time) {
        double usableSeconds = time.minus(margin).toMillis() / 1000.0;
        if (usableSeconds <= 0 || !(domainsPerSecond > 0)) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(domainsPerSecond * usableSeconds / safety));
    }
}
