package io.certguard.caa;

import java.util.Objects;

/**
 * One CAA resource record (RFC 8659 §4.1): a flags octet, a property tag and a property value.
 *
 * <p>The value is kept whole, however long: cutting it could change its meaning (a shortened {@code accounturi}
 * names another account). Its size is bounded by the DNS message that carried it (at most 65,535 octets over TCP);
 * {@link #toString()} shortens it for logs and alarms.
 *
 * @param flags the flags octet, 0 to 255
 * @param tag   the property tag as published (compare it through {@link #property()}: tags are case-insensitive)
 * @param value the property value, one character per octet
 */
public record CaaRecord(int flags, String tag, String value) {

    /** RFC 8659 §4.1: the Issuer Critical flag is bit 0, the most significant bit of the flags octet. */
    public static final int ISSUER_CRITICAL = 0x80;

    /**
     * The least significant bit, which many publishers set believing it is the critical flag (RFC 6844 numbered the
     * bits from the most significant end, and the figure is easy to misread). Boulder treats it as critical too, and
     * certguard predicts what Let's Encrypt will do, so it reads the flags the same way.
     */
    public static final int MISREAD_ISSUER_CRITICAL = 0x01;

    private static final int SHOWN_VALUE_CHARS = 120;

    public CaaRecord {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
        if (flags < 0 || flags > 255) {
            throw new IllegalArgumentException("flags must be one octet (0 to 255), was " + flags);
        }
        requireOctets("tag", tag);
        requireOctets("value", value);
    }

    /** Whether the record carries the Issuer Critical flag (bit 128, or bit 1 as Boulder also accepts). */
    public boolean isCritical() {
        return (flags & (ISSUER_CRITICAL | MISREAD_ISSUER_CRITICAL)) != 0;
    }

    /** The property this record's tag names (RFC 8659 §4.1: tags match case-insensitively). */
    public CaaProperty property() {
        return CaaProperty.of(tag);
    }

    /** Zone-file presentation ({@code 0 issue "letsencrypt.org"}), with a long value shortened. */
    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder().append(flags).append(' ').append(printable(tag)).append(" \"");
        int visible = Math.min(value.length(), SHOWN_VALUE_CHARS);
        shown.append(printable(value.substring(0, visible)));
        if (visible < value.length()) {
            shown.append("…(").append(value.length() - visible).append(" more characters)");
        }
        return shown.append('"').toString();
    }

    private static void requireOctets(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                throw new IllegalArgumentException(field + " must hold one character per octet (U+0000 to U+00FF), "
                        + "found U+" + String.format("%04X", (int) text.charAt(i)) + " at index " + i);
            }
        }
    }

    /** Escapes quotes, backslashes and non-printable characters the way zone files do ({@code \"}, {@code \DDD}). */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\%03d", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
