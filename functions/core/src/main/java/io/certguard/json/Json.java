package io.certguard.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer for the few documents certguard exchanges: Twilio responses,
 * Lambda events, secrets and alarm bodies.
 *
 * <p>Why not Jackson: the functions parse a handful of small documents, and a databind stack adds class loading and
 * reflection to every cold start. Values map to plain Java: object → {@code Map<String, Object>} (insertion-ordered,
 * unmodifiable, JSON {@code null} kept as a {@code null} value so "absent" and "null" stay distinct), array →
 * {@code List<Object>}, string → {@code String}, number → {@code BigDecimal}, {@code true}/{@code false} → {@code Boolean}.
 * Nesting is limited so hostile input cannot exhaust the stack.
 */
public final class Json {

    /** Deeper documents are refused; nothing certguard reads nests more than a few levels. */
    public static final int MAX_DEPTH = 64;

    /** Numbers whose scale is beyond this are written in exponent form (see {@link #write}). */
    private static final int MAX_PLAIN_SCALE = 100;

    /** Longer numbers are refused by {@link #parse}, so {@link #write} never writes one. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonFormatException naming the offset and what was expected, when {@code text} is not one JSON value
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new JsonFormatException("no JSON document (null)");
        }
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.readValue(0);
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected trailing content");
        }
        return value;
    }

    /** Parses a document that must be a JSON object. */
    public static JsonObject parseObject(String text) {
        Object value = parse(text);
        if (value instanceof Map<?, ?> map) {
            return JsonObject.of(map);
        }
        throw new JsonFormatException("expected a JSON object but found " + typeName(value));
    }

    /** Writes a value made of maps, lists, strings, numbers, booleans, {@link JsonObject}s and nulls. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(out, value);
        return out.toString();
    }

    /** The JSON type name of a parsed value, for error messages. */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> || value instanceof JsonObject) {
            return "object";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value.getClass().getSimpleName();
    }

    private Object readValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of document");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject(depth);
            case '[' -> readArray(depth);
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                // Never quote input: the document may be a secret.
                throw error("unexpected " + kind(c));
            }
        };
    }

    private Map<String, Object> readObject(int depth) {
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (map.containsKey(name)) {
                // RFC 8259 §4: names SHOULD be unique; a duplicate is ambiguous, so refuse it rather than guess.
                throw error("duplicate member name"); // not quoted: the document may be a secret
            }
            map.put(name, readValue(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray(int depth) {
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(readValue(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String readString() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("truncated \\u escape");
                        }
                        int code = 0;
                        for (int i = pos; i < pos + 4; i++) {
                            // RFC 8259 §7: exactly four hex digits (Integer.parseInt would also take a sign).
                            int digit = Character.digit(text.charAt(i), 16);
                            if (digit < 0) {
                                throw error("invalid \\u escape");
                            }
                            code = code * 16 + digit;
                        }
                        sb.append((char) code);
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("invalid escape sequence");
                    }
                }
            } else if (c < 0x20) {
                pos--;
                throw error("control character in string");
            } else {
                sb.append(c);
            }
        }
    }

    private BigDecimal readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digits expected after '.'");
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digits expected in exponent");
            }
            skipDigits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            // An exponent beyond what BigDecimal's int scale holds (1e99999999999): valid JSON grammar, no value.
            pos = start;
            throw error("number out of range");
        }
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, pos)) {
            throw error("invalid literal");
        }
        pos += literal.length();
        return value;
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonFormatException error(String what) {
        return new JsonFormatException(what + " at offset " + pos);
    }

    /** Names a character's class without quoting it: structural punctuation is safe to show, anything else is not. */
    private static String kind(char c) {
        return "{}[]:,\"".indexOf(c) >= 0 ? "'" + c + "'" : c < 0x20 ? "control character" : "character";
    }

    /**
     * A number as {@link #parse} reads it back. Plain notation writes every digit: 1e999999999 (parsed from 11
     * characters) would become a billion zeros, and 199919199e98 a plain number longer than parse accepts. Past a
     * modest scale or length the exponent form, which JSON allows, keeps it short; when even that is too long (close
     * to 100 significant digits) the unscaled digits with their exponent, never longer than the text they came from.
     */
    private static String number(BigDecimal d) {
        if (Math.abs((long) d.scale()) <= MAX_PLAIN_SCALE) {
            String plain = d.toPlainString();
            if (plain.length() <= MAX_NUMBER_LENGTH) {
                return plain;
            }
        }
        String scientific = d.toString();
        return scientific.length() <= MAX_NUMBER_LENGTH ? scientific : d.unscaledValue() + "e" + -(long) d.scale();
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof BigDecimal d) {
            out.append(number(d));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no representation for " + d);
            }
            out.append(number(BigDecimal.valueOf(d)));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof JsonObject o) {
            writeValue(out, o.asMap());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, String.valueOf(e.getKey()));
                out.append(':');
                writeValue(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(out, item);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
