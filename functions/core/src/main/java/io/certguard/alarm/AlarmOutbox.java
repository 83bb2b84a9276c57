package io.certguard.alarm;

import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.state.RecordKey;
import io.certguard.state.StaleRecordException;
import io.certguard.state.StateRecord;
import io.certguard.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Alarms kept in the state record they are about, until published. The deciding run writes its decision and the
 * alarms, claimed with a lease, in one conditional write; then {@link #deliver} publishes them and removes them, or
 * releases those whose publish failed so the next run sends them. Races cannot send an alarm twice (only one
 * conditional write wins a claim); a crash between publish and removal can, once the lease lapses (at-least-once).
 */
public final class AlarmOutbox {

    /** How long a run owns the alarms it claimed: longer than any Lambda invocation (15 minutes). */
    public static final Duration LEASE = Duration.ofMinutes(15);
    /** The record attribute holding the outbox. */
    public static final String ATTRIBUTE = "pendingAlarms";
    private static final int SAVE_ATTEMPTS = 3;

    private final StateStore store;
    private final AlarmPublisher publisher;

    public AlarmOutbox(StateStore store, AlarmPublisher publisher) {
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * @throws JsonFormatException when the stored outbox is corrupt
     */
    public static List<PendingAlarm> read(StateRecord record) {
        List<PendingAlarm> pending = new ArrayList<>();
        Object parsed = record.attribute(ATTRIBUTE).map(Json::parse).orElse(List.of());
        if (!(parsed instanceof List<?> items)) {
            throw new JsonFormatException("pending alarms of " + record.key() + " are not a list");
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new JsonFormatException("a pending alarm of " + record.key() + " is not an object");
            }
            pending.add(PendingAlarm.fromJson(JsonObject.of(map)));
        }
        return pending;
    }

    /** The record with its outbox replaced. */
    public static StateRecord write(StateRecord record, List<PendingAlarm> pending) {
        Map<String, String> attributes = new LinkedHashMap<>(record.attributes());
        if (pending.isEmpty()) {
            attributes.remove(ATTRIBUTE);
        } else {
            attributes.put(ATTRIBUTE, Json.write(pending.stream().map(PendingAlarm::toJson).toList()));
        }
        return record.withAttributes(attributes);
    }

    /** What a deciding run puts in the outbox: earlier unclaimed alarms re-claimed, plus the new ones. */
    public record Claim(List<PendingAlarm> outbox, List<PendingAlarm> claimed) {
        public Claim {
            outbox = List.copyOf(outbox);
            claimed = List.copyOf(claimed);
        }
    }

    /** Claims every claimable earlier alarm and adds {@code fresh} ones, all leased to this run. */
    public static Claim claim(List<PendingAlarm> earlier, List<AlarmMessage> fresh, Instant now) {
        Instant until = now.plus(LEASE);
        List<PendingAlarm> outbox = new ArrayList<>();
        List<PendingAlarm> claimed = new ArrayList<>();
        for (PendingAlarm alarm : earlier) {
            PendingAlarm kept = alarm.claimable(now) ? alarm.claimed(until) : alarm;
            outbox.add(kept);
            if (kept != alarm) {
                claimed.add(kept);
            }
        }
        for (AlarmMessage message : fresh) {
            PendingAlarm alarm = new PendingAlarm(UUID.randomUUID().toString(), message, Optional.of(until));
            outbox.add(alarm);
            claimed.add(alarm);
        }
        return new Claim(outbox, claimed);
    }

    /** The result of delivering: how many went out, and what went wrong (for the run's report). */
    public record Delivery(int published, int kept, List<String> problems) {
        public Delivery {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Publishes the alarms this run claimed in record {@code key}, then removes the published ones from the outbox and
     * releases the others.
     */
    public Delivery deliver(RecordKey key, List<PendingAlarm> claimed) {
        if (claimed.isEmpty()) {
            return new Delivery(0, 0, List.of());
        }
        List<String> problems = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        Set<String> unsent = new HashSet<>();
        for (PendingAlarm alarm : claimed) {
            try {
                publisher.publish(alarm.message());
                sent.add(alarm.id());
            } catch (AlarmPublishException e) {
                unsent.add(alarm.id());
                problems.add("alarm kept for the next run: " + e.getMessage());
            }
        }
        problems.addAll(settle(key, sent, unsent));
        return new Delivery(sent.size(), unsent.size(), problems);
    }

    private List<String> settle(RecordKey key, Set<String> sent, Set<String> unsent) {
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            try {
                StateRecord record = store.load(key).orElseThrow(() -> new IllegalStateException(key + " vanished"));
                List<PendingAlarm> remaining = new ArrayList<>();
                for (PendingAlarm p : read(record)) {
                    if (!sent.contains(p.id())) {
                        remaining.add(unsent.contains(p.id()) ? p.released() : p);
                    }
                }
                store.save(write(record, remaining));
                return List.of();
            } catch (StaleRecordException raced) {
                // a concurrent run changed the record: apply the removal to its version
            } catch (RuntimeException e) {
                return List.of("published alarms not cleared from the outbox of " + key
                        + " (they may be sent again after the claim lapses): " + e.getMessage());
            }
        }
        return List.of("outbox of " + key + " not cleared after " + SAVE_ATTEMPTS
                + " concurrent updates; published alarms may be sent again after the claim lapses");
    }
}
