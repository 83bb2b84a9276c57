package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.memory.InMemoryStateStore;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import io.certguard.twilio.TwilioUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scan use case over in-memory ports: outbox, races, failures, deadline and concurrency. */
class DomainScannerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final ScanFakes.RecordingPublisher publisher = new ScanFakes.RecordingPublisher();
    private final ScanFakes.FakeTwilio twilio = new ScanFakes.FakeTwilio(NOW);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile boolean liveFails;

    private DomainScanner scanner(int concurrency) {
        ServedCertificates live = (host, port, at) -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(5);
                if (liveFails) {
                    throw new CheckException("connect refused");
                }
                return new LiveStatus(twilio.expires, "ff", true, Optional.empty(), Optional.empty(), "TLSv1.3");
            } catch (InterruptedException e) {
                throw new CheckException("interrupted", e);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        LetsEncryptCaa caa = host -> new CaaStatus(CaaStatus.Kind.PERMITTED, "no CAA records");
        return new DomainScanner(secret -> twilio, live, caa, store, publisher, new ScanAlarmRenderer("certguard/certificates/"),
                new ScanPolicy(new ExpiryPolicy(AlarmThresholds.DEFAULT)), concurrency);
    }

    @Test
    void decidedAlarmsArePublishedOnce_andASteadyStateWritesNothing() {
        MonitoredDomain domain = domain(1);
        ScanSummary first = scanner(4).scan(List.of(domain), NOW, Deadline.NONE);
        long version = store.load(DomainStateRecords.key(domain.sid())).orElseThrow().version();
        ScanSummary second = scanner(4).scan(List.of(domain), NOW.plusSeconds(3600), Deadline.NONE);

        assertThat(first.alarmsPublished()).isEqualTo(1);
        assertThat(publisher.subjects()).containsExactly("[30131 WARNING] links1.example.com certificate expires in 10 days");
        assertThat(second.alarmsPublished()).isZero();
        assertThat(store.load(DomainStateRecords.key(domain.sid())).orElseThrow().version()).isEqualTo(version);
        assertThat(first.count(DomainResult.Outcome.CHECKED)).isEqualTo(1);
    }

    @Test
    void aFailedPublishStaysInTheOutbox_andGoesOutOnTheNextRun() {
        MonitoredDomain domain = domain(1);
        publisher.failing.set(true);
        ScanSummary failed = scanner(4).scan(List.of(domain), NOW, Deadline.NONE);
        assertThat(failed.alarmsPending()).isEqualTo(1);
        assertThat(failed.domains().get(0).failures()).extracting(CheckFailure::part).containsExactly(CheckFailure.Part.ALARM);

        publisher.failing.set(false);
        ScanSummary retried = scanner(4).scan(List.of(domain), NOW.plusSeconds(60), Deadline.NONE);

        assertThat(retried.alarmsPublished()).isEqualTo(1);
        assertThat(publisher.subjects()).containsExactly("[30131 WARNING] links1.example.com certificate expires in 10 days");
        assertThat(io.certguard.alarm.AlarmOutbox.read(store.load(DomainStateRecords.key(domain.sid())).orElseThrow())).isEmpty();
    }

    @Test
    void racingScansOfOneDomain_neverSendAnAlarmTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 30; round++) {
                MonitoredDomain domain = domain(100 + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ScanSummary>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return scanner(2).scan(List.of(domain), NOW, Deadline.NONE);
                    }));
                }
                start.countDown();
                int published = 0;
                for (Future<ScanSummary> run : runs) {
                    published += run.get(30, TimeUnit.SECONDS).alarmsPublished();
                }
                assertThat(published).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(publisher.subjects()).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void aTwilioFailureIsRecordedPerDomain_andTheOthersAreStillChecked() {
        twilio.failFor = domain(2).sid();
        ScanSummary summary = scanner(4).scan(List.of(domain(1), domain(2), domain(3)), NOW, Deadline.NONE);

        assertThat(summary.domains()).extracting(DomainResult::outcome).containsExactly(
                DomainResult.Outcome.CHECKED, DomainResult.Outcome.FAILED, DomainResult.Outcome.CHECKED);
        assertThat(summary.domains().get(1).failures()).extracting(CheckFailure::part)
                .contains(CheckFailure.Part.TWILIO_CERTIFICATE);
        assertThat(summary.domains().get(1).failures().get(0).message()).contains("TwilioUnavailableException");
    }

    @Test
    void anUnreachableHostStillGetsItsExpiryAlarm_andCountsAsFailed() {
        liveFails = true;
        ScanSummary summary = scanner(4).scan(List.of(domain(1)), NOW, Deadline.NONE);

        assertThat(summary.domains().get(0).outcome()).isEqualTo(DomainResult.Outcome.FAILED);
        assertThat(summary.domains().get(0).failures()).extracting(CheckFailure::message).containsExactly("CheckException: connect refused");
        assertThat(summary.alarmsPublished()).isEqualTo(1);
    }

    @Test
    void aFinishedUploadWaitingOnlyForItsAlarms_isNotValidationInProgress() {
        MonitoredDomain domain = domain(1);
        store.save(StateRecord.fresh(new RecordKey(
                DomainStateRecords.partition(domain.sid()), DomainStateRecords.UPLOAD_PREFIX + "v7"), Map.of("status", "LIVE"))
                .withPollAt(Optional.of(NOW.plusSeconds(60))));

        ScanSummary summary = scanner(4).scan(List.of(domain), NOW, Deadline.NONE);

        assertThat(summary.domains().get(0).observation().orElseThrow().replacementInValidation()).isFalse();
    }

    @Test
    void anUploadTheValidationPollFollows_makesTheRemedyValidationInProgress() {
        MonitoredDomain domain = domain(1);
        store.save(StateRecord.fresh(new RecordKey(
                DomainStateRecords.partition(domain.sid()), DomainStateRecords.UPLOAD_PREFIX + "v7"), Map.of("status", "VALIDATING"))
                .withPollAt(Optional.of(NOW.plusSeconds(60))));

        ScanSummary summary = scanner(4).scan(List.of(domain), NOW, Deadline.NONE);

        assertThat(summary.domains().get(0).observation().orElseThrow().replacementInValidation()).isTrue();
        assertThat(publisher.subjects()).containsExactly("[30131 WARNING] links1.example.com certificate expires in 10 days");
        assertThat(publisher.sent.get(0).attributes()).containsEntry("alarm_type", "EXPIRING");
        assertThat(publisher.sent.get(0).emailText()).contains("A replacement certificate is being validated by Twilio");
    }

    @Test
    void aPassedDeadline_leavesDomainsNotReached() {
        ScanSummary summary = scanner(4).scan(List.of(domain(1), domain(2)), NOW, () -> true);
        assertThat(summary.count(DomainResult.Outcome.NOT_REACHED)).isEqualTo(2);
        assertThat(publisher.subjects()).isEmpty();
    }

    @Test
    void noMoreThanTheConfiguredConcurrency_isInFlight() {
        List<MonitoredDomain> domains = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            domains.add(domain(i));
        }
        ScanSummary summary = scanner(3).scan(domains, NOW, Deadline.NONE);

        assertThat(summary.count(DomainResult.Outcome.CHECKED)).isEqualTo(40);
        assertThat(maxInFlight.get()).isBetween(1, 3);
    }

    private static MonitoredDomain domain(int n) {
        return ScanFakes.domain(n);
    }
}
