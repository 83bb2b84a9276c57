package io.certguard.scan;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a domain's scan state lives in the state table: partition {@code DOMAIN#<sid>}, sort key {@code STATE}, next
 * to the upload records ({@code UPLOAD#…}) of the same domain so one query reads both.
 */
public final class DomainStateRecords {

    public static final String SORT_STATE = "STATE";
    public static final String UPLOAD_PREFIX = "UPLOAD#";
    static final String SCAN = "scan";
    static final String PENDING = "pending";
    static final String HOST = "host";

    private DomainStateRecords() {
    }

    public static String partition(DomainSid sid) {
        return "DOMAIN#" + sid.value();
    }

    public static RecordKey key(DomainSid sid) {
        return new RecordKey(partition(sid), SORT_STATE);
    }

    /** The scan state and its outbox, from a stored record (or empty ones for a domain seen first). */
    public record Stored(DomainState state, List<PendingAlarm> pending) {
        public Stored {
            pending = List.copyOf(pending);
        }
    }

    /**
     * @throws JsonFormatException when the stored JSON is corrupt (reported as a failed check, never reset silently)
     */
    public static Stored read(StateRecord record) {
        DomainState state = record.attribute(SCAN).map(DomainState::fromJson).orElse(DomainState.EMPTY);
        List<PendingAlarm> pending = new ArrayList<>();
        for (Object item : record.attribute(PENDING).map(Json::parse).map(DomainStateRecords::list).orElse(List.of())) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new JsonFormatException("pending alarm is not an object");
            }
            pending.add(PendingAlarm.fromJson(JsonObject.of(map)));
        }
        return new Stored(state, pending);
    }

    public static StateRecord write(StateRecord base, String host, Stored stored) {
        Map<String, String> attributes = new LinkedHashMap<>(base.attributes());
        attributes.put(HOST, host);
        attributes.put(SCAN, stored.state().toJson());
        if (stored.pending().isEmpty()) {
            attributes.remove(PENDING);
        } else {
            attributes.put(PENDING, Json.write(stored.pending().stream().map(PendingAlarm::toJson).toList()));
        }
        return base.withAttributes(attributes);
    }

    private static List<?> list(Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new JsonFormatException("pending alarms are not a list");
    }
}
