package io.certguard.expiry;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Days before expiry at which people are told, e.g. {@code 30,14,7,3,1} (the default; the
 * {@code ALARM_THRESHOLDS_DAYS} setting). Held largest first; each is crossed once per certificate.
 */
public record AlarmThresholds(List<Integer> days) {

    public static final AlarmThresholds DEFAULT = new AlarmThresholds(List.of(30, 14, 7, 3, 1));

    public AlarmThresholds {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("at least one alarm threshold is needed");
        }
        TreeSet<Integer> sorted = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Integer d : days) {
            if (d == null || d < 1 || d > 3650) {
                throw new IllegalArgumentException("alarm thresholds must be whole days from 1 to 3650, got " + d);
            }
            if (!sorted.add(d)) {
                throw new IllegalArgumentException("alarm threshold " + d + " is listed twice");
            }
        }
        days = List.copyOf(sorted);
    }

    /**
     * Parses {@code "30,14,7,3,1"}; blank means the default.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static AlarmThresholds parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT;
        }
        List<Integer> days = new ArrayList<>();
        for (String part : setting.split(",")) {
            String p = part.strip();
            try {
                days.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ALARM_THRESHOLDS_DAYS: \"" + p + "\" is not a whole number of days");
            }
        }
        return new AlarmThresholds(days);
    }

    /** The largest threshold: the first warning, and the horizon for EXPIRES_SOON when validating a bundle. */
    public int first() {
        return days.get(0);
    }
}
