package io.certguard.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers for the human output. */
public final class Text {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Text() {
    }

    /** {@code 2026-12-11 06:00 UTC}. */
    public static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** Whole days from {@code now} to {@code notAfter}, rounded down as the scan counts them (-1 right after expiry). */
    public static long daysLeft(Instant now, Instant notAfter) {
        return Math.floorDiv(java.time.Duration.between(now, notAfter).getSeconds(), 86_400L);
    }

    /** {@code 1 day}, {@code 10 days}, {@code -2 days}. */
    public static String days(long days) {
        return days + (Math.abs(days) == 1 ? " day" : " days");
    }

    /** {@code 1 error}, {@code 2 errors}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * {@code text} broken into lines of at most {@code width} characters at spaces (a longer word stays whole), each
     * line after the first starting with {@code indent}.
     */
    public static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.strip().split("\\s+")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n').append(indent);
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    /** Each line of {@code text} prefixed with {@code indent}. */
    public static String indent(String text, String indent) {
        return text.strip().lines().map(l -> l.isEmpty() ? "" : indent + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
