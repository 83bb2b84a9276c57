package io.certguard.cli.scan;

import io.certguard.cli.Progress;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.Deadline;
import io.certguard.scan.DomainResult;
import io.certguard.scan.DomainScanner;
import io.certguard.scan.ScanSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs the scan one domain per task, at most {@code concurrency} at once, reporting each finished domain to
 * {@link Progress}. Each domain's checks are bounded by the adapters' timeouts, so every task ends.
 */
final class ScanRun {

    private ScanRun() {
    }

    static ScanSummary run(DomainScanner scanner, List<MonitoredDomain> domains, Instant now, int concurrency,
            Progress progress) {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<DomainResult>> futures = new ArrayList<>(domains.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (MonitoredDomain domain : domains) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        DomainResult result = scanner.scan(List.of(domain), now, Deadline.NONE).domains().getFirst();
                        progress.step(result.host() + ": " + ScanView.outcome(result));
                        return result;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<DomainResult> results = new ArrayList<>(domains.size());
            for (Future<DomainResult> future : futures) {
                results.add(join(future));
            }
            return new ScanSummary(results);
        }
    }

    private static DomainResult join(Future<DomainResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            // DomainScanner reports every failure in its result; reaching here is a bug, shown by --debug.
            throw new IllegalStateException("the scan of a domain failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }
}
