package io.certguard.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, read-only access to a parsed JSON object. Every getter names the member in its error, so a caller can report
 * exactly which field of which document was wrong. "Optional" getters treat an absent member and JSON {@code null} alike.
 */
public final class JsonObject {

    private final Map<String, Object> members;

    private JsonObject(Map<String, Object> members) {
        this.members = members;
    }

    /** Wraps a parsed map; keys must be strings. */
    public static JsonObject of(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new JsonFormatException("object keys must be strings");
            }
            copy.put(key, e.getValue());
        }
        return new JsonObject(Collections.unmodifiableMap(copy));
    }

    public Map<String, Object> asMap() {
        return members;
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** The raw value (map, list, string, number, boolean) or empty when absent or null. */
    public Optional<Object> raw(String name) {
        return Optional.ofNullable(members.get(name));
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name, "string"));
    }

    public Optional<String> optionalString(String name) {
        Object v = members.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw wrongType(name, "string", v);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        Object v = members.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        throw wrongType(name, "boolean", v);
    }

    public Optional<BigDecimal> optionalNumber(String name) {
        Object v = members.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof BigDecimal d) {
            return Optional.of(d);
        }
        throw wrongType(name, "number", v);
    }

    public Optional<JsonObject> optionalObject(String name) {
        Object v = members.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            return Optional.of(of(m));
        }
        throw wrongType(name, "object", v);
    }

    public JsonObject object(String name) {
        return optionalObject(name).orElseThrow(() -> missing(name, "object"));
    }

    public Optional<List<Object>> optionalArray(String name) {
        Object v = members.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof List<?> l) {
            return Optional.of(Collections.unmodifiableList(l));
        }
        throw wrongType(name, "array", v);
    }

    /**
     * An ISO 8601 date-time with an offset (Twilio writes {@code 2021-02-06T18:02:04Z}), as a UTC instant. An
     * unparseable date is an error, never a silent null (the Twilio Java SDK's silent null is what we avoid).
     */
    public Optional<Instant> optionalInstant(String name) {
        return optionalString(name).map(s -> {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw new JsonFormatException("member \"" + name + "\" is not an ISO 8601 date-time with offset: \""
                        + abbreviate(s) + "\"");
            }
        });
    }

    private static JsonFormatException missing(String name, String type) {
        return new JsonFormatException("member \"" + name + "\" (" + type + ") is missing or null");
    }

    private static JsonFormatException wrongType(String name, String type, Object actual) {
        return new JsonFormatException("member \"" + name + "\" should be a " + type + " but is a " + Json.typeName(actual));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** Member names only: a parsed object may be a secret, and a {@code toString} must never carry its values. */
    @Override
    public String toString() {
        return "JsonObject" + members.keySet();
    }
}
