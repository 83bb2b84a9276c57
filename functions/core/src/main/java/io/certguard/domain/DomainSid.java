package io.certguard.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Twilio Link Shortening domain SID: {@code DN} followed by 32 hex digits (pattern from Twilio's OpenAPI file
 * twilio_messaging_v1.json, {@code ^DN[0-9a-fA-F]{32}$}).
 */
public record DomainSid(String value) {

    private static final Pattern PATTERN = Pattern.compile("^DN[0-9a-fA-F]{32}$");

    public DomainSid {
        Objects.requireNonNull(value, "value");
        if (!PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Twilio domain SID (expected DN followed by 32 hex digits): \""
                    + abbreviate(value) + "\"");
        }
    }

    public static DomainSid of(String value) {
        return new DomainSid(value == null ? null : value.strip());
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}
