package io.certguard.bundle;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Wording shared by messages. */
final class Describe {

    private static final int NAMES_SHOWN = 5;

    private Describe() {
    }

    /** {@code 14 days}, {@code 1 day}, {@code 36 hours}, {@code 90 minutes}, {@code 45 seconds}. */
    static String duration(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0) {
            return plural(d.toDays(), "day");
        }
        if (!d.isZero() && d.toSeconds() % 3_600 == 0) {
            return plural(d.toHours(), "hour");
        }
        if (!d.isZero() && d.toSeconds() % 60 == 0) {
            return plural(d.toMinutes(), "minute");
        }
        return plural(d.toSeconds(), "second");
    }

    /** {@code 65,536}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code a, b and c}; beyond five, {@code a, b, c, d, e and 3 more}. */
    static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

    /** {@code certificates 0 (CN=a) and 2 (CN=b)}. */
    static String certificates(List<ParsedCertificate> certificates) {
        return "certificates " + names(certificates.stream()
                .map(c -> c.index() + " (" + c.subject().getName() + ")")
                .toList());
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
