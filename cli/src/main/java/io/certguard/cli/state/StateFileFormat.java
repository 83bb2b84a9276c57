package io.certguard.cli.state;

import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file's JSON: {@code {"format":"certguard-state/1","records":[{"partition","sort","version","attributes",
 * "pollAt","expiresAt"}]}}, the same items the DynamoDB table holds.
 */
final class StateFileFormat {

    static final String FORMAT = "certguard-state/1";

    private StateFileFormat() {
    }

    static String write(Collection<StateRecord> records) {
        List<Object> items = new ArrayList<>(records.size());
        for (StateRecord r : records) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("partition", r.key().partition());
            item.put("sort", r.key().sort());
            item.put("version", r.version());
            item.put("attributes", r.attributes());
            r.pollAt().ifPresent(at -> item.put("pollAt", at.toString()));
            r.expiresAt().ifPresent(at -> item.put("expiresAt", at.toString()));
            items.add(item);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("records", items);
        return Json.write(document) + "\n";
    }

    /**
     * @throws JsonFormatException saying what is wrong (never quoting the content)
     */
    static List<StateRecord> read(String text) {
        JsonObject document = Json.parseObject(text);
        String format = document.optionalString("format").orElse("(none)");
        if (!format.equals(FORMAT)) {
            throw new JsonFormatException("its format is not " + FORMAT);
        }
        List<StateRecord> records = new ArrayList<>();
        List<Object> items = document.optionalArray("records").orElseThrow(
                () -> new JsonFormatException("it has no \"records\" array"));
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw new JsonFormatException("record " + i + " is not an object");
            }
            try {
                records.add(record(JsonObject.of(map)));
            } catch (JsonFormatException | IllegalArgumentException e) {
                throw new JsonFormatException("record " + i + ": " + e.getMessage());
            }
        }
        return records;
    }

    private static StateRecord record(JsonObject item) {
        RecordKey key = new RecordKey(item.string("partition"), item.string("sort"));
        BigDecimal version = item.optionalNumber("version")
                .orElseThrow(() -> new JsonFormatException("member \"version\" (number) is missing"));
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonObject a = item.object("attributes");
        for (String name : a.asMap().keySet()) {
            attributes.put(name, a.string(name));
        }
        Instant pollAt = item.optionalInstant("pollAt").orElse(null);
        Instant expiresAt = item.optionalInstant("expiresAt").orElse(null);
        try {
            return new StateRecord(key, version.longValueExact(), attributes, java.util.Optional.ofNullable(pollAt),
                    java.util.Optional.ofNullable(expiresAt));
        } catch (ArithmeticException e) {
            throw new JsonFormatException("member \"version\" is not a whole number");
        }
    }
}
