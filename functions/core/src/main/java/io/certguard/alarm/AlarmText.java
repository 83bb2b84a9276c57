package io.certguard.alarm;

import java.util.Locale;

/** Text limits of the alarm channels: SMS in one GSM-7 segment, email subjects SNS accepts. */
public final class AlarmText {

    /**
     * GSM 03.38 basic characters that are also ASCII. Extension characters ({@code [ ] { } \ ^ ~ | €}) take two septets
     * and anything else forces UCS-2 (70 characters a segment), so SMS text keeps to this set.
     */
    private static final String GSM7_ASCII = "@$\n\r !\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
            + "abcdefghijklmnopqrstuvwxyz";

    private AlarmText() {
    }

    /**
     * One SMS segment: characters outside GSM-7's basic set are replaced, and the text is cut to
     * {@link AlarmMessage#MAX_SMS} characters (ending in "..." when cut).
     */
    public static String sms(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(GSM7_ASCII.indexOf(c) >= 0 ? c : replacement(c));
        }
        return cut(out.toString().replace('\n', ' ').replace('\r', ' '), AlarmMessage.MAX_SMS);
    }

    /** An email subject: printable ASCII, one line, under 100 characters. */
    public static String subject(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
        }
        return cut(out.toString().strip(), AlarmMessage.MAX_SUBJECT);
    }

    /** Shortens a long host name for tight channels, keeping its end (the registrable part people recognise). */
    public static String host(String host, int max) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.length() <= max ? h : "..." + h.substring(h.length() - (max - 3));
    }

    private static char replacement(char c) {
        return switch (c) {
            case '[', '{' -> '(';
            case ']', '}' -> ')';
            case '|' -> '/';
            case '\t' -> ' ';
            default -> '?';
        };
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
