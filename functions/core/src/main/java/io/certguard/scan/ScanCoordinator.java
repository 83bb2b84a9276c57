package io.certguard.scan;

import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A scan run across as many invocations as it needs. The scheduled invocation checks the first domains itself and
 * measures its pace; if the rest will not fit in its remaining time ({@link ScanPlanner}), it hands them to the queue
 * in batches that the same function consumes, each sized for one invocation. A batch is claimed before it is checked
 * ({@link BatchClaims}), so duplicates do nothing, and a batch cut by its own deadline sends on what it did not reach.
 * Alarms stay de-duplicated across batches because they are decided per domain in the domain's own state record.
 * Without a queue, a run that does not finish leaves the rest in the {@link ScanBacklog} for the next run.
 */
public final class ScanCoordinator {

    private final DomainScanner scanner;
    private final ScanBacklog backlog;
    private final BatchClaims claims;
    private final Optional<ScanBatchQueue> queue;
    private final ScanPlanner planner;
    private final Function<DomainSid, MonitoredDomain> domains;
    private final int sampleSize;
    private final LongSupplier nanoTime;

    /**
     * @param domains    how to reach a domain named in a batch (its configured port and credentials)
     * @param sampleSize domains a scheduled run checks itself before it decides (twice the scan's concurrency measures
     *                   a full round of parallel checks)
     * @param nanoTime   the monotonic clock the pace is measured with
     */
    public ScanCoordinator(DomainScanner scanner, ScanBacklog backlog, BatchClaims claims, Optional<ScanBatchQueue> queue,
            ScanPlanner planner, Function<DomainSid, MonitoredDomain> domains, int sampleSize, LongSupplier nanoTime) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.backlog = Objects.requireNonNull(backlog, "backlog");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.domains = Objects.requireNonNull(domains, "domains");
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sampleSize must be at least 1");
        }
        this.sampleSize = sampleSize;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** What a scheduled invocation did: the domains it checked and the ones it handed to the queue. */
    public record RunReport(ScanSummary summary, int queuedDomains, int queuedBatches) {

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>(summary.toJson());
            json.put("queuedDomains", queuedDomains);
            json.put("queuedBatches", queuedBatches);
            return json;
        }
    }

    /**
     * The scheduled run.
     *
     * @param runId     names the run's batches (the schedule event's id)
     * @param remaining this invocation's time left, asked whenever needed
     * @param budget    what a fresh invocation gets (the function's timeout)
     * @throws ScanQueueException when the batches could not be queued (the trigger retries the run)
     */
    public RunReport scheduled(String runId, List<MonitoredDomain> all, Instant now, Supplier<Duration> remaining,
            Duration budget) {
        List<MonitoredDomain> ordered = backlog.prioritize(all);
        Deadline deadline = deadline(remaining);
        if (queue.isEmpty() || ordered.size() <= sampleSize) {
            ScanSummary summary = scanner.scan(ordered, now, deadline);
            backlog.record(summary);
            return new RunReport(summary, 0, 0);
        }
        long started = nanoTime.getAsLong();
        List<MonitoredDomain> sample = ordered.subList(0, sampleSize);
        ScanSummary tried = scanner.scan(sample, now, deadline);
        double seconds = Math.max(1e-3, (nanoTime.getAsLong() - started) / 1e9);
        ScanSummary first = tried.reached();
        List<MonitoredDomain> rest = new ArrayList<>(sample.stream().filter(d -> !first.includes(d.sid())).toList());
        rest.addAll(ordered.subList(sampleSize, ordered.size()));
        ScanPlan plan = planner.plan(rest.size(), first.domains().size() / seconds, remaining.get(), budget);
        return switch (plan) {
            case ScanPlan.Local local -> {
                ScanSummary summary = first.plus(scanner.scan(rest, now, deadline));
                backlog.record(summary);
                yield new RunReport(summary, 0, 0);
            }
            case ScanPlan.FanOut fanOut -> {
                List<ScanBatch> batches = ScanBatch.split(runId, rest.stream().map(MonitoredDomain::sid).toList(),
                        fanOut.batchSize());
                queue.get().send(batches);
                backlog.record(first); // the queued domains are the batches' now, not a backlog
                yield new RunReport(first, rest.size(), batches.size());
            }
        };
    }

    /** What one batch came to. */
    public sealed interface BatchOutcome {
        /** Checked; {@code continuedWith} domains it did not reach were sent on as a continuation batch. */
        record Checked(ScanSummary summary, int continuedWith) implements BatchOutcome {
        }

        /** An earlier delivery already checked it. */
        record Duplicate() implements BatchOutcome {
        }

        /** Not done now (another invocation holds it, or the state table failed): let the queue deliver it again. */
        record Retry(String reason, Optional<ScanSummary> summary) implements BatchOutcome {
        }
    }

    /**
     * One batch from the queue.
     *
     * @throws ScanQueueException when the continuation could not be queued (the claim is released first)
     */
    public BatchOutcome batch(ScanBatch batch, Instant now, Supplier<Duration> remaining) {
        BatchClaims.Claim claim = claims.claim(batch, now, remaining.get());
        return switch (claim) {
            case BatchClaims.Claim.AlreadyDone done -> new BatchOutcome.Duplicate();
            case BatchClaims.Claim.Busy busy -> new BatchOutcome.Retry("batch " + batch.batchId()
                    + " of run " + batch.runId() + " is held by another invocation until " + busy.leaseUntil(),
                    Optional.empty());
            case BatchClaims.Claim.Owned owned -> checkOwned(batch, owned, now, remaining);
        };
    }

    private BatchOutcome checkOwned(ScanBatch batch, BatchClaims.Claim.Owned owned, Instant now,
            Supplier<Duration> remaining) {
        ScanSummary summary = scanner.scan(batch.domains().stream().map(domains).toList(), now, deadline(remaining));
        if (summary.stateFailed()) {
            claims.release(owned); // redelivered whole: checked domains decide again on what they stored (no repeat alarm)
            return new BatchOutcome.Retry("the state table failed for some domains of batch " + batch.batchId(),
                    Optional.of(summary));
        }
        List<DomainSid> left = new ArrayList<>();
        summary.domains().stream().filter(d -> d.outcome() == DomainResult.Outcome.NOT_REACHED)
                .forEach(d -> left.add(d.sid()));
        if (!left.isEmpty()) {
            try {
                queue.orElseThrow(() -> new IllegalStateException("a batch arrived but no scan queue is configured"))
                        .send(List.of(batch.continuation(left)));
            } catch (RuntimeException e) {
                claims.release(owned);
                throw e;
            }
        }
        claims.done(owned);
        return new BatchOutcome.Checked(summary, left.size());
    }

    private RemainingTimeDeadline deadline(Supplier<Duration> remaining) {
        return new RemainingTimeDeadline(remaining, planner.margin());
    }

    /** Stops starting domains once less than the margin is left. */
    private record RemainingTimeDeadline(Supplier<Duration> remaining, Duration margin) implements Deadline {
        @Override
        public boolean passed() {
            return remaining.get().compareTo(margin) < 0;
        }
    }
}
