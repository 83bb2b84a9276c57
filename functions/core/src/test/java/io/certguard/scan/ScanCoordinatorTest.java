package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.expiry.ExpiryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A scan run over in-memory ports: when it fans out, how batches are claimed, continued and retried. */
class ScanCoordinatorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration BUDGET = Duration.ofSeconds(120);
    private static final int SAMPLE = 4;

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final ScanFakes.RecordingPublisher publisher = new ScanFakes.RecordingPublisher();
    private final ScanFakes.FakeTwilio twilio = new ScanFakes.FakeTwilio(NOW);
    private final List<ScanBatch> queued = new ArrayList<>();
    private final AtomicInteger queueFailures = new AtomicInteger();
    /** Each reading of the pace clock advances it by this much: how long the sample appears to take. */
    private final AtomicLong tick = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();

    private ScanCoordinator coordinator(boolean withQueue) {
        DomainScanner scanner = new DomainScanner(secret -> twilio, (host, port, at) -> new LiveStatus(twilio.expires,
                "ff", true, Optional.empty(), Optional.empty(), "TLSv1.3"),
                host -> new CaaStatus(CaaStatus.Kind.PERMITTED, "no CAA records"), store, publisher,
                new ScanAlarmRenderer("certguard/"), new ScanPolicy(new ExpiryPolicy(AlarmThresholds.DEFAULT)), 2);
        ScanBatchQueue queue = batches -> {
            if (queueFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ScanQueueException("the scan queue could not be reached: test", null);
            }
            queued.addAll(batches);
        };
        return new ScanCoordinator(scanner, new ScanBacklog(store), new BatchClaims(store),
                withQueue ? Optional.of(queue) : Optional.empty(), new ScanPlanner(MARGIN, 2.0), ScanFakes::bySid,
                SAMPLE, () -> clock.getAndAdd(tick.get()));
    }

    private static List<MonitoredDomain> domains(int n) {
        return IntStream.range(0, n).mapToObj(ScanFakes::domain).toList();
    }

    private static Supplier<Duration> fixed(Duration left) {
        return () -> left;
    }

    /** Delivers every queued batch (and what they queue in turn) until the queue is empty. */
    private List<ScanCoordinator.BatchOutcome> drain(ScanCoordinator coordinator, Supplier<Duration> remaining) {
        List<ScanCoordinator.BatchOutcome> outcomes = new ArrayList<>();
        while (!queued.isEmpty()) {
            outcomes.add(coordinator.batch(queued.removeFirst(), NOW, remaining));
        }
        return outcomes;
    }

    private void assertEachCheckedOnce(int n) {
        Map<DomainSid, Integer> reads = twilio.certificateReads.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        assertThat(reads).hasSize(n);
        assertThat(reads.values()).containsOnly(1);
    }

    @Test
    void aRunThatFitsIsCheckedInPlace() {
        tick.set(Duration.ofMillis(100).toNanos()); // 4 domains in 0.1 s: 40/s, plenty for 96 more in 90 s

        ScanCoordinator.RunReport report = coordinator(true).scheduled("run", domains(100), NOW, fixed(BUDGET), BUDGET);

        assertThat(report.summary().count(DomainResult.Outcome.CHECKED)).isEqualTo(100);
        assertThat(report.queuedDomains()).isZero();
        assertThat(queued).isEmpty();
        assertEachCheckedOnce(100);
    }

    @Test
    void aRunThatDoesNotFitHandsTheRestToTheQueue_andEveryDomainIsCheckedOnce() {
        tick.set(Duration.ofSeconds(10).toNanos()); // 4 in 10 s: 0.4/s; 90 s usable / 2 -> 18 per invocation

        ScanCoordinator coordinator = coordinator(true);
        ScanCoordinator.RunReport report = coordinator.scheduled("run", domains(100), NOW, fixed(BUDGET), BUDGET);

        assertThat(report.summary().domains()).hasSize(SAMPLE);
        assertThat(report.queuedDomains()).isEqualTo(96);
        assertThat(queued).extracting(b -> b.domains().size()).containsExactly(18, 18, 18, 18, 18, 6);
        assertThat(report.queuedBatches()).isEqualTo(6);
        List<ScanBatch> sent = List.copyOf(queued);

        List<ScanCoordinator.BatchOutcome> outcomes = drain(coordinator, fixed(BUDGET));
        queued.addAll(sent); // SQS delivers at least once: every batch again
        List<ScanCoordinator.BatchOutcome> duplicates = drain(coordinator, fixed(BUDGET));

        assertThat(outcomes).allMatch(o -> o instanceof ScanCoordinator.BatchOutcome.Checked);
        assertThat(duplicates).allMatch(o -> o instanceof ScanCoordinator.BatchOutcome.Duplicate);
        assertEachCheckedOnce(100);
    }

    @Test
    void withoutAQueueARunCutByItsDeadlineLeavesABacklog() {
        ScanCoordinator.RunReport report = coordinator(false).scheduled("run", domains(10), NOW, fixed(MARGIN.minusSeconds(1)),
                BUDGET);

        assertThat(report.summary().count(DomainResult.Outcome.NOT_REACHED)).isEqualTo(10);
        assertThat(new ScanBacklog(store).prioritize(domains(10))).isEqualTo(domains(10));
        assertThat(store.load(ScanBacklog.KEY)).isPresent();
    }

    @Test
    void aBatchCutByItsDeadlineSendsOnWhatItDidNotReach() {
        ScanCoordinator coordinator = coordinator(true);
        ScanBatch batch = new ScanBatch("run", "1", domains(10).stream().map(MonitoredDomain::sid).toList());
        AtomicInteger asked = new AtomicInteger();
        // Time runs out after a few checks: each domain start asks once; the claim asks first.
        Supplier<Duration> runningOut = () -> asked.incrementAndGet() <= 4 ? BUDGET : MARGIN.minusSeconds(1);

        ScanCoordinator.BatchOutcome outcome = coordinator.batch(batch, NOW, runningOut);

        ScanCoordinator.BatchOutcome.Checked checked = (ScanCoordinator.BatchOutcome.Checked) outcome;
        assertThat(checked.continuedWith()).isPositive().isLessThan(10);
        assertThat(queued).singleElement().satisfies(c -> {
            assertThat(c.batchId()).startsWith("1.");
            assertThat(c.domains()).hasSize(checked.continuedWith());
        });
        assertThat(drain(coordinator, fixed(BUDGET))).singleElement().isInstanceOf(ScanCoordinator.BatchOutcome.Checked.class);
        assertEachCheckedOnce(10);
        assertThat(coordinator.batch(batch, NOW, fixed(BUDGET))).isInstanceOf(ScanCoordinator.BatchOutcome.Duplicate.class);
    }

    @Test
    void aBatchHeldByAnotherInvocationIsRetriedLater() {
        ScanCoordinator coordinator = coordinator(true);
        ScanBatch batch = new ScanBatch("run", "2", List.of(ScanFakes.domain(1).sid()));
        new BatchClaims(store).claim(batch, NOW, Duration.ofMinutes(10));

        ScanCoordinator.BatchOutcome outcome = coordinator.batch(batch, NOW.plusSeconds(1), fixed(BUDGET));

        assertThat(outcome).isInstanceOfSatisfying(ScanCoordinator.BatchOutcome.Retry.class,
                r -> assertThat(r.reason()).contains("held by another invocation"));
        assertThat(twilio.certificateReads).isEmpty();
    }

    @Test
    void whenTheContinuationCannotBeQueuedTheBatchIsReleasedForRedelivery() {
        ScanCoordinator coordinator = coordinator(true);
        ScanBatch batch = new ScanBatch("run", "3", domains(10).stream().map(MonitoredDomain::sid).toList());
        queueFailures.set(1);

        assertThatThrownBy(() -> coordinator.batch(batch, NOW, fixed(MARGIN.minusSeconds(1))))
                .isInstanceOf(ScanQueueException.class);

        assertThat(coordinator.batch(batch, NOW, fixed(BUDGET))).isInstanceOf(ScanCoordinator.BatchOutcome.Checked.class);
        assertEachCheckedOnce(10);
    }

    @Test
    void whenTheFanOutCannotBeQueuedTheRunFails_andItsRetryQueuesTheSameBatches() {
        tick.set(Duration.ofSeconds(10).toNanos());
        ScanCoordinator coordinator = coordinator(true);
        queueFailures.set(1);

        assertThatThrownBy(() -> coordinator.scheduled("run-7", domains(100), NOW, fixed(BUDGET), BUDGET))
                .isInstanceOf(ScanQueueException.class);
        coordinator.scheduled("run-7", domains(100), NOW, fixed(BUDGET), BUDGET);

        assertThat(queued).extracting(ScanBatch::batchId).containsExactly("1", "2", "3", "4", "5", "6");
    }
}
