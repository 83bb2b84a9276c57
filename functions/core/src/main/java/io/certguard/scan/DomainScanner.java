package io.certguard.scan;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmOutbox;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.alarm.PendingAlarm;
import io.certguard.domain.MonitoredDomain;
import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import io.certguard.twilio.DnsValidation;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.DomainConfig;
import io.certguard.twilio.TwilioDomains;
import io.certguard.upload.UploadRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The scan use case: checks every domain (concurrently, at most {@code concurrency} at once), decides the alarms with
 * {@link ScanPolicy}, and publishes them through an outbox in the domain's state record, so that racing runs never
 * send an alarm twice and a failed publish is retried on the next run.
 */
public final class DomainScanner {

    private static final int SAVE_ATTEMPTS = 3;

    private final TwilioAccounts twilio;
    private final ServedCertificates live;
    private final LetsEncryptCaa caa;
    private final StateStore store;
    private final AlarmOutbox outbox;
    private final ScanAlarmRenderer renderer;
    private final ScanPolicy policy;
    private final int concurrency;

    public DomainScanner(TwilioAccounts twilio, ServedCertificates live, LetsEncryptCaa caa, StateStore store, AlarmPublisher publisher,
            ScanAlarmRenderer renderer, ScanPolicy policy, int concurrency) {
        this.twilio = Objects.requireNonNull(twilio, "twilio");
        this.live = Objects.requireNonNull(live, "live");
        this.caa = Objects.requireNonNull(caa, "caa");
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = new AlarmOutbox(store, publisher);
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    public ScanSummary scan(List<MonitoredDomain> domains, Instant now, Deadline deadline) {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<DomainResult>> futures = new ArrayList<>(domains.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (MonitoredDomain domain : domains) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return deadline.passed() ? notReached(domain) : scanOne(domain, now);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<DomainResult> results = new ArrayList<>(domains.size());
            for (int i = 0; i < futures.size(); i++) {
                results.add(join(futures.get(i), domains.get(i)));
            }
            return new ScanSummary(results);
        }
    }

    private static DomainResult join(Future<DomainResult> future, MonitoredDomain domain) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notReached(domain);
        } catch (ExecutionException e) {
            // scanOne catches what the checks throw; reaching here is a bug, reported per domain rather than lost.
            return new DomainResult(domain.sid(), domain.host().orElse(domain.sid().value()), DomainResult.Outcome.FAILED,
                    Optional.empty(), Optional.empty(), 0, 0, List.of(new CheckFailure(CheckFailure.Part.STATE,
                            "internal error: " + describe(e.getCause()))));
        }
    }

    private static DomainResult notReached(MonitoredDomain domain) {
        return new DomainResult(domain.sid(), domain.host().orElse(domain.sid().value()), DomainResult.Outcome.NOT_REACHED,
                Optional.empty(), Optional.empty(), 0, 0, List.of());
    }

    DomainResult scanOne(MonitoredDomain domain, Instant now) {
        // One consistent query reads the domain's state and its uploads: the scan's memory and "validation in progress".
        List<CheckFailure> stateFailures = new ArrayList<>();
        Optional<List<StateRecord>> partition = attempt(
                () -> store.loadPartition(DomainStateRecords.partition(domain.sid())), CheckFailure.Part.STATE, stateFailures);
        DomainObservation observation = observe(domain, now, partition, stateFailures);
        Optional<Long> daysLeft = observation.certificate().flatMap(DomainCertificate::dateExpires)
                .map(expires -> policy.expiry().assess(expires, now).daysLeft());
        RecordKey key = DomainStateRecords.key(domain.sid());
        List<CheckFailure> failures = new ArrayList<>(observation.failures());
        List<PendingAlarm> claimed;
        try {
            claimed = decideAndClaim(key, observation, now, partition);
        } catch (RuntimeException e) {
            failures.add(new CheckFailure(CheckFailure.Part.STATE, describe(e)));
            return new DomainResult(domain.sid(), observation.host(), DomainResult.Outcome.FAILED, daysLeft,
                    Optional.of(observation), 0, 0, failures);
        }
        AlarmOutbox.Delivery delivery = outbox.deliver(key, claimed);
        delivery.problems().forEach(p -> failures.add(new CheckFailure(CheckFailure.Part.ALARM, p)));
        return new DomainResult(domain.sid(), observation.host(),
                failures.isEmpty() ? DomainResult.Outcome.CHECKED : DomainResult.Outcome.FAILED, daysLeft,
                Optional.of(observation), delivery.published(), delivery.kept(), failures);
    }

    /**
     * Reads every source for one domain; each failure is recorded, never skipped. The TLS probe and the CAA lookup run
     * beside the Twilio requests (as soon as the host is known: from DOMAINS at once, else from Twilio's certificate),
     * so a domain takes about as long as its three Twilio requests, which stay one after another: SCAN_CONCURRENCY
     * then bounds the requests in flight to Twilio's API, not just the domains.
     *
     * @param partition     the domain's records, when they could be read ({@code stateFailures} says why not)
     */
    DomainObservation observe(MonitoredDomain domain, Instant now, Optional<List<StateRecord>> partition,
            List<CheckFailure> stateFailures) {
        List<CheckFailure> failures = new ArrayList<>(stateFailures);
        try (ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor()) {
            Optional<HostChecks> early = domain.host().map(h -> HostChecks.start(beside, this, h, domain.port(), now));
            Optional<TwilioDomains> api = attempt(() -> twilio.forDomain(domain.credentialsSecret()),
                    CheckFailure.Part.TWILIO_CERTIFICATE, failures);
            Optional<DomainCertificate> certificate = api.flatMap(a -> attempt(() -> a.fetchCertificate(domain.sid()),
                    CheckFailure.Part.TWILIO_CERTIFICATE, failures));
            if (certificate.isPresent() && certificate.get().dateExpires().isEmpty()) {
                failures.add(new CheckFailure(CheckFailure.Part.TWILIO_CERTIFICATE,
                        "Twilio reports no date_expires for this domain's certificate (none uploaded?)"));
            }
            Optional<String> host = domain.host().or(() -> certificate.flatMap(DomainCertificate::hostname));
            Optional<HostChecks> checks = early.or(() -> host.map(h -> HostChecks.start(beside, this, h, domain.port(), now)));
            Optional<DomainConfig> config = api.flatMap(a -> attempt(() -> a.fetchConfig(domain.sid()),
                    CheckFailure.Part.TWILIO_CONFIG, failures));
            Optional<DnsValidation> dns = api.flatMap(a -> attempt(() -> a.validateDns(domain.sid()),
                    CheckFailure.Part.TWILIO_DNS_VALIDATION, failures));
            Optional<LiveStatus> served = checks.flatMap(c -> c.served().join(failures));
            Optional<CaaStatus> caaStatus = checks.flatMap(c -> c.caa().join(failures));
            if (host.isEmpty() && certificate.isPresent()) {
                failures.add(new CheckFailure(CheckFailure.Part.LIVE_TLS,
                        "no host to probe: Twilio's domain_name is empty and DOMAINS gives none"));
            }
            boolean uploadInFlight = partition.map(DomainScanner::uploadInFlight).orElse(false);
            return new DomainObservation(domain.sid(), host.orElse(domain.sid().value()), certificate,
                    config.flatMap(DomainConfig::continueOnFailure), dns.flatMap(DnsValidation::isValid),
                    dns.flatMap(DnsValidation::reason), served, caaStatus, uploadInFlight, failures);
        }
    }

    /** The live TLS probe and the CAA check of one host, running on their own virtual threads. */
    private record HostChecks(Check<LiveStatus> served, Check<CaaStatus> caa) {
        static HostChecks start(ExecutorService executor, DomainScanner scanner, String host, int port, Instant now) {
            return new HostChecks(Check.start(executor, () -> scanner.live.probe(host, port, now), CheckFailure.Part.LIVE_TLS),
                    Check.start(executor, () -> scanner.caa.check(host), CheckFailure.Part.CAA));
        }
    }

    /** One check running beside the others, with the failure it met kept for the domain's list. */
    private record Check<T>(Future<Optional<T>> result, CheckFailure.Part part, List<CheckFailure> failures) {
        static <T> Check<T> start(ExecutorService executor, Supplier<T> call, CheckFailure.Part part) {
            List<CheckFailure> failures = new ArrayList<>(1);
            return new Check<>(executor.submit(() -> attempt(call, part, failures)), part, failures);
        }

        /** Waits for the result and adds the failure, if any, to {@code into}; the checks carry their own timeouts. */
        Optional<T> join(List<CheckFailure> into) {
            try {
                Optional<T> value = result.get();
                into.addAll(failures);
                return value;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                into.add(new CheckFailure(part, "interrupted before the check finished"));
                return Optional.empty();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a check threw past its own error handling", e.getCause());
            }
        }
    }

    /**
     * An upload record of this domain that the validation poll still follows (a finished upload can sit in the poll
     * index too, until its alarms are sent: that is not in flight).
     */
    private static boolean uploadInFlight(List<StateRecord> partition) {
        return partition.stream().filter(r -> r.key().sort().startsWith(DomainStateRecords.UPLOAD_PREFIX))
                .anyMatch(UploadRecord::followed);
    }

    /**
     * Decides and records the decision with the alarms to send, claimed by this run, in one conditional write. A
     * concurrent writer makes the save fail; the decision is then made again on what that writer stored.
     *
     * @param partition the domain's records as read for the observation: the first attempt decides on them; a retry
     *                  after a concurrent write reads the state record again
     * @return the alarms this run claimed
     */
    private List<PendingAlarm> decideAndClaim(RecordKey key, DomainObservation observation, Instant now,
            Optional<List<StateRecord>> partition) {
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Optional<StateRecord> record = attempt == 1 && partition.isPresent()
                    ? partition.get().stream().filter(r -> r.key().equals(key)).findFirst()
                    : store.load(key);
            DomainState stored = record.map(DomainStateRecords::read).orElse(DomainState.EMPTY);
            List<PendingAlarm> earlier = record.map(AlarmOutbox::read).orElse(List.of());
            ScanDecision decision = policy.decide(stored, observation, now);
            DomainState next = decision.state();
            List<AlarmMessage> fresh = new ArrayList<>();
            for (ScanAlarm alarm : decision.alarms()) {
                next = alarm.mark().applyTo(next);
                fresh.add(renderer.render(alarm));
            }
            AlarmOutbox.Claim claim = AlarmOutbox.claim(earlier, fresh, now);
            boolean hostChanged = record.flatMap(r -> r.attribute(DomainStateRecords.HOST))
                    .map(h -> !h.equals(observation.host())).orElse(true);
            if (next.equals(stored) && claim.claimed().isEmpty() && !hostChanged) {
                return List.of(); // steady state: nothing to write
            }
            StateRecord base = record.orElse(StateRecord.fresh(key, Map.of()));
            try {
                store.save(AlarmOutbox.write(DomainStateRecords.write(base, observation.host(), next), claim.outbox()));
                return claim.claimed();
            } catch (StaleRecordException raced) {
                // another run wrote first: decide again on its state
            }
        }
        throw new StaleRecordException(key, -1);
    }

    private static <T> Optional<T> attempt(Supplier<T> call, CheckFailure.Part part, List<CheckFailure> failures) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            failures.add(new CheckFailure(part, describe(e)));
            return Optional.empty();
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
