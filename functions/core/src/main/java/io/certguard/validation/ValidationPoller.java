package io.certguard.validation;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmOutbox;
import io.certguard.alarm.AlarmPublisher;
import io.certguard.alarm.PendingAlarm;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.scan.CheckException;
import io.certguard.scan.Deadline;
import io.certguard.scan.LiveStatus;
import io.certguard.scan.ServedCertificates;
import io.certguard.scan.TwilioAccounts;
import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import io.certguard.twilio.DomainCertificate;
import io.certguard.upload.UploadAlarmRenderer;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * The validation-poll use case: reads the uploads due in the sparse poll index (one query; nothing due means no Twilio
 * call), follows each through {@link ValidationPolicy} concurrently, and records each decision with its alarms in one
 * conditional write, so a duplicate poll or a concurrent writer can neither send an alarm twice nor overwrite a newer
 * state.
 */
public final class ValidationPoller {

    /** Uploads taken per run: keeps a run well inside the function timeout. */
    public static final int BATCH = 200;
    private static final int SAVE_ATTEMPTS = 3;

    private final StateStore store;
    private final TwilioAccounts twilio;
    private final ServedCertificates live;
    private final AlarmOutbox outbox;
    private final UploadAlarmRenderer renderer;
    private final ValidationPolicy policy;
    private final Function<DomainSid, MonitoredDomain> domains;
    private final int concurrency;

    /**
     * @param domains how to reach a domain (host, port, credentials secret), from DOMAINS and the registry
     */
    public ValidationPoller(StateStore store, TwilioAccounts twilio, ServedCertificates live, AlarmPublisher publisher,
            UploadAlarmRenderer renderer, ValidationPolicy policy, Function<DomainSid, MonitoredDomain> domains,
            int concurrency) {
        this.store = Objects.requireNonNull(store, "store");
        this.twilio = Objects.requireNonNull(twilio, "twilio");
        this.live = Objects.requireNonNull(live, "live");
        this.outbox = new AlarmOutbox(store, publisher);
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.domains = Objects.requireNonNull(domains, "domains");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    /**
     * The outcome of following one upload: its status afterwards (empty when it could not be followed), the alarms
     * published and kept for later, and what went wrong.
     */
    public record Followed(Optional<UploadStatus> status, int published, int kept, List<String> problems) {
        public Followed {
            Objects.requireNonNull(status, "status");
            problems = List.copyOf(problems);
        }
    }

    public PollSummary pollDue(Instant now, Deadline deadline) {
        List<StateRecord> due = store.dueForPoll(now, BATCH);
        if (due.isEmpty()) {
            return PollSummary.nothingDue();
        }
        Semaphore slots = new Semaphore(concurrency);
        List<Future<Followed>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (StateRecord record : due) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return deadline.passed()
                                ? new Followed(Optional.empty(), 0, 0, List.of(record.key() + ": not reached before the deadline"))
                                : follow(record.key(), now, true);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<UploadStatus> statuses = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int published = 0;
        int kept = 0;
        for (Future<Followed> future : futures) {
            Followed followed = join(future);
            followed.status().ifPresent(statuses::add);
            problems.addAll(followed.problems());
            published += followed.published();
            kept += followed.kept();
        }
        return new PollSummary(due.size(), PollSummary.tally(statuses), published, kept, problems);
    }

    private static Followed join(Future<Followed> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Followed(Optional.empty(), 0, 0, List.of("interrupted"));
        } catch (ExecutionException e) {
            return new Followed(Optional.empty(), 0, 0, List.of("internal error: " + e.getCause()));
        }
    }

    /**
     * Follows one upload now, due or not: the same observation, decision and conditional write (with its alarms) as a
     * scheduled poll. The rotation's testSecret waits on an upload with it.
     */
    public Followed followNow(RecordKey key, Instant now) {
        return follow(key, now, false);
    }

    /** Follows one upload: re-read it consistently (the index may lag), observe, decide, claim alarms, deliver. */
    private Followed follow(RecordKey key, Instant now, boolean onlyWhenDue) {
        try {
            for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
                Optional<StateRecord> current = store.load(key);
                if (current.isEmpty()) {
                    return new Followed(Optional.empty(), 0, 0, List.of(key + " vanished before it was polled"));
                }
                UploadRecord upload = UploadRecord.fromStateRecord(current.get());
                if (!upload.status().polled()) {
                    return deliverLeftovers(current.get(), upload.status(), now);
                }
                if (onlyWhenDue && upload.pollAt().map(at -> at.isAfter(now)).orElse(true)) {
                    return new Followed(Optional.of(upload.status()), 0, 0, List.of()); // another poll got there first
                }
                PollDecision decision = policy.decide(upload, observe(upload, now), now);
                List<AlarmMessage> fresh = decision.alarms().stream()
                        .map(a -> renderer.render(a.type(), a.severity(), a.upload(), a.detail().orElse(""))).toList();
                AlarmOutbox.Claim claim = AlarmOutbox.claim(AlarmOutbox.read(current.get()), fresh, now);
                StateRecord next = AlarmOutbox.write(decision.upload().toStateRecord(current.get()), claim.outbox());
                try {
                    store.save(next.pollAt().isEmpty() && !claim.outbox().isEmpty() ? untilDelivered(next, now) : next);
                } catch (StaleRecordException raced) {
                    continue; // a concurrent poll or upload wrote first: decide again on its state
                }
                AlarmOutbox.Delivery delivery = outbox.deliver(key, claim.claimed());
                return new Followed(Optional.of(decision.upload().status()), delivery.published(), delivery.kept(),
                        delivery.problems());
            }
            return new Followed(Optional.empty(), 0, 0, List.of(key + ": gave up after " + SAVE_ATTEMPTS
                    + " concurrent updates; polled again next run"));
        } catch (RuntimeException e) {
            return new Followed(Optional.empty(), 0, 0, List.of(key + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
        }
    }

    /**
     * A final decision with alarms to send keeps the record in the poll index (past the alarms' lease, when they are
     * claimable again): nothing else looks at a finished upload, so a publish that fails now, or a run that dies
     * before publishing, would otherwise lose them. {@link #deliverLeftovers} takes it out once they are sent.
     */
    private static StateRecord untilDelivered(StateRecord record, Instant now) {
        return record.withPollAt(Optional.of(now.plus(AlarmOutbox.LEASE)));
    }

    /**
     * A finished upload still in the poll index: publishes what its outbox holds (claimed in a conditional write, like
     * every delivery), and leaves the index when nothing is left.
     */
    private Followed deliverLeftovers(StateRecord record, UploadStatus status, Instant now) {
        List<PendingAlarm> pending = AlarmOutbox.read(record);
        if (pending.isEmpty() && record.pollAt().isEmpty()) {
            return new Followed(Optional.of(status), 0, 0, List.of());
        }
        AlarmOutbox.Claim claim = AlarmOutbox.claim(pending, List.of(), now);
        StateRecord next = AlarmOutbox.write(record, claim.outbox());
        try {
            store.save(pending.isEmpty() ? next.withPollAt(Optional.empty()) : untilDelivered(next, now));
        } catch (StaleRecordException raced) {
            return new Followed(Optional.of(status), 0, 0, List.of()); // a concurrent run took them; it delivers
        }
        AlarmOutbox.Delivery delivery = outbox.deliver(record.key(), claim.claimed());
        return new Followed(Optional.of(status), delivery.published(), delivery.kept(), delivery.problems());
    }

    private PollObservation observe(UploadRecord upload, Instant now) {
        MonitoredDomain domain = domains.apply(upload.domain());
        DomainCertificate certificate;
        try {
            certificate = twilio.forDomain(domain.credentialsSecret()).fetchCertificate(upload.domain());
        } catch (RuntimeException e) {
            return new PollObservation.TwilioFailed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        boolean needsHost = certificate.certInValidation().isEmpty();
        if (!needsHost) {
            return new PollObservation.Read(certificate, Optional.empty(), Optional.empty());
        }
        Optional<String> host = domain.host().or(upload::host).or(certificate::hostname);
        if (host.isEmpty()) {
            return new PollObservation.Read(certificate, Optional.empty(), Optional.of("no host known for the domain"));
        }
        try {
            LiveStatus served = live.probe(host.get(), domain.port(), now);
            return new PollObservation.Read(certificate, Optional.of(served), Optional.empty());
        } catch (CheckException e) {
            return new PollObservation.Read(certificate, Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
