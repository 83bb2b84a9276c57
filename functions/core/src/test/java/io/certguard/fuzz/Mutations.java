package io.certguard.fuzz;

import java.util.List;
import java.util.Random;

/** Random text: token soup from an alphabet, and edits of valid seed documents. */
final class Mutations {

    /** Characters that matter to JSON, PEM and the parsers built on them, with some that should not appear. */
    static final String ALPHABET = "{}[]:,\"\\/ \t\r\n0123456789.eE+-tfnrulsa-----BEGIN END CERTIFICATE PRIVATE KEY"
            + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=+/\u0000\u0001\u001f\u007f\u00ff\u2028\ufeff\ud800";

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\u00",
            "true", "false", "null", "0", "-0", "1e999999999", "1e99999999999", "-1.5E-7", "12345678901234567890",
            "\"Step\"", "\"source\"", "\"detail\"", "\"detail-type\"", "\"status\"", "\"cert_in_validation\"",
            "\"date_expires\"", "\"2026-11-27T10:00:00Z\"", "\"certificate\"", "\"privateKey\"", "-----BEGIN ",
            "-----END ", "CERTIFICATE-----", "PRIVATE KEY-----", "\n", "\r\n", "MIIB", "====", " ", "\ufeff");

    private Mutations() {
    }

    /** Up to {@code maxTokens} tokens and characters, joined. */
    static String soup(Random random, int maxTokens) {
        int n = random.nextInt(maxTokens + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (random.nextBoolean()) {
                out.append(TOKENS.get(random.nextInt(TOKENS.size())));
            } else {
                out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }

    /** One to {@code maxEdits} random edits of {@code seed}: deletions, insertions, duplications, swaps, cuts. */
    static String mutate(Random random, String seed, int maxEdits) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(maxEdits);
        for (int e = 0; e < edits; e++) {
            int length = text.length();
            int at = length == 0 ? 0 : random.nextInt(length + 1);
            int span = length == 0 ? 0 : random.nextInt(Math.min(64, length - Math.min(at, length)) + 1);
            switch (random.nextInt(7)) {
                case 0 -> text.delete(at, at + span);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> text.insert(at, soup(random, 4));
                case 3 -> text.insert(at, text.substring(at, at + span));
                case 4 -> {
                    if (at < length) {
                        text.setCharAt(at, (char) (text.charAt(at) ^ (1 << random.nextInt(8))));
                    }
                }
                case 5 -> text.setLength(at);
                default -> {
                    String piece = text.substring(at, at + span);
                    text.delete(at, at + span);
                    int to = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
                    text.insert(to, piece);
                }
            }
        }
        return text.toString();
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
