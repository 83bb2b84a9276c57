package io.certguard.alarm;

import io.certguard.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decided alarm waiting in a state record until it is published (a transactional outbox, see {@link AlarmOutbox}).
 * A run claims it with a lease in the same conditional write that records the decision, so two racing runs never both
 * send it; a publish that fails releases the claim, and the next run sends it.
 *
 * @param id           unique per alarm (the decision's mark), for removal after publishing
 * @param claimedUntil the lease of the run publishing it; empty when unclaimed
 */
public record PendingAlarm(String id, AlarmMessage message, Optional<Instant> claimedUntil) {

    public PendingAlarm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(claimedUntil, "claimedUntil");
    }

    public boolean claimable(Instant now) {
        return claimedUntil.map(until -> !now.isBefore(until)).orElse(true);
    }

    public PendingAlarm claimed(Instant until) {
        return new PendingAlarm(id, message, Optional.of(until));
    }

    public PendingAlarm released() {
        return new PendingAlarm(id, message, Optional.empty());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("subject", message.subject());
        json.put("default", message.defaultText());
        json.put("email", message.emailText());
        json.put("sms", message.smsText());
        json.put("attributes", message.attributes());
        claimedUntil.ifPresent(c -> json.put("claimedUntil", c.toString()));
        return json;
    }

    public static PendingAlarm fromJson(JsonObject json) {
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonObject a = json.object("attributes");
        a.asMap().keySet().forEach(k -> attributes.put(k, a.string(k)));
        return new PendingAlarm(json.string("id"), new AlarmMessage(json.string("subject"), json.string("default"),
                json.string("email"), json.string("sms"), attributes), json.optionalInstant("claimedUntil"));
    }
}
