package io.certguard.scan;

import io.certguard.domain.DomainSid;
import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a domain's scan state lives in the state table: partition {@code DOMAIN#<sid>}, sort key {@code STATE}, next
 * to the upload records ({@code UPLOAD#…}) of the same domain so one query reads both. The record also holds the
 * domain's alarm outbox ({@link io.certguard.alarm.AlarmOutbox}).
 */
public final class DomainStateRecords {

    public static final String SORT_STATE = "STATE";
    public static final String UPLOAD_PREFIX = "UPLOAD#";
    static final String SCAN = "scan";
    static final String HOST = "host";

    private DomainStateRecords() {
    }

    public static String partition(DomainSid sid) {
        return "DOMAIN#" + sid.value();
    }

    public static RecordKey key(DomainSid sid) {
        return new RecordKey(partition(sid), SORT_STATE);
    }

    /**
     * The scan state of a stored record.
     *
     * @throws io.certguard.json.JsonFormatException when the stored JSON is corrupt (reported, never reset silently)
     */
    public static DomainState read(StateRecord record) {
        return record.attribute(SCAN).map(DomainState::fromJson).orElse(DomainState.EMPTY);
    }

    public static StateRecord write(StateRecord base, String host, DomainState state) {
        Map<String, String> attributes = new LinkedHashMap<>(base.attributes());
        attributes.put(HOST, host);
        attributes.put(SCAN, state.toJson());
        return base.withAttributes(attributes);
    }
}
