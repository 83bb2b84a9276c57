package io.certguard.cli.scan;

import io.certguard.cli.Progress;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.Deadline;
import io.certguard.scan.DomainResult;
import io.certguard.scan.DomainScanner;
import io.certguard.scan.ScanSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the scan one domain per task, at most {@code concurrency} at once, reporting each finished domain to
 * {@link Progress}. Each domain's checks are bounded by the adapters' own timeouts; the run as a whole is bounded by
 * {@code limit} too: domains not started by then, or not finished, are reported as not reached.
 */
final class ScanRun {

    /** Far beyond what the adapters' timeouts allow one domain (about a minute at worst), so only a fault hits it. */
    static final Duration LIMIT = Duration.ofMinutes(10);

    private ScanRun() {
    }

    static ScanSummary run(DomainScanner scanner, List<MonitoredDomain> domains, Instant now, int concurrency,
            Progress progress) {
        long end = System.nanoTime() + LIMIT.toNanos();
        Deadline deadline = () -> System.nanoTime() > end;
        Semaphore slots = new Semaphore(concurrency);
        List<Future<DomainResult>> futures = new ArrayList<>(domains.size());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (MonitoredDomain domain : domains) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        DomainResult result = scanner.scan(List.of(domain), now, deadline).domains().getFirst();
                        progress.step(result.host() + ": " + ScanView.outcome(result));
                        return result;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<DomainResult> results = new ArrayList<>(domains.size());
            for (int i = 0; i < futures.size(); i++) {
                MonitoredDomain domain = domains.get(i);
                results.add(join(futures.get(i), end).orElseGet(() -> {
                    progress.step(domain.host().orElse(domain.sid().value()) + ": not reached within "
                            + LIMIT.toMinutes() + " minutes");
                    return new DomainResult(domain.sid(), domain.host().orElse(domain.sid().value()),
                            DomainResult.Outcome.NOT_REACHED, Optional.empty(), Optional.empty(), 0, 0, List.of());
                }));
            }
            return new ScanSummary(results);
        } finally {
            executor.shutdownNow();
        }
    }

    /** The domain's result, or empty when it did not finish by {@code end}. */
    private static Optional<DomainResult> join(Future<DomainResult> future, long end) {
        try {
            return Optional.of(future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            // DomainScanner reports every failure in its result; reaching here is a bug, shown by --debug.
            throw new IllegalStateException("the scan of a domain failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }
}
