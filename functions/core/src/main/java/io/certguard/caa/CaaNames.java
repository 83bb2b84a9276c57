package io.certguard.caa;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The names whose CAA records can matter for a host: the host itself, then each parent up to its TLD. */
public final class CaaNames {

    /** An LDH label (RFC 1123 §2.1), at most 63 octets, no hyphen at either end. */
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private static final int MAX_NAME_OCTETS = 253;

    private CaaNames() {
    }

    /**
     * The names to query, closest first: {@code a.b.example.com} gives {@code a.b.example.com}, {@code b.example.com},
     * {@code example.com}, {@code com}. RFC 8659 §3 climbs "up to but not including the DNS root", so the TLD is the
     * last name. Names are lower-case A-labels without a trailing dot.
     *
     * @param host a host name; a trailing dot, upper case and Unicode labels (IDNs) are accepted. For a wildcard
     *             certificate pass the name without {@code *.} and say "wildcard" to the evaluator.
     * @throws IllegalArgumentException naming the host and what is wrong with it
     */
    public static List<String> candidates(String host) {
        String[] labels = normalize(host).split("\\.");
        List<String> names = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            names.add(String.join(".", Arrays.copyOfRange(labels, i, labels.length)));
        }
        return List.copyOf(names);
    }

    /**
     * The host as a lower-case ASCII name without a trailing dot.
     *
     * @throws IllegalArgumentException naming the host and what is wrong with it
     */
    public static String normalize(String host) {
        Objects.requireNonNull(host, "host");
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            throw invalid(host, "it is empty");
        }
        if (name.contains("*")) {
            throw invalid(host, "wildcards are not names; pass the name without \"*.\" and ask for a wildcard check");
        }
        if (Arrays.asList(name.split("\\.", -1)).contains("")) {
            throw invalid(host, "it has an empty label");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(host, "it is not a valid internationalised domain name (" + e.getMessage() + ")");
        }
        if (ascii.length() > MAX_NAME_OCTETS) {
            throw invalid(host, "it is longer than " + MAX_NAME_OCTETS + " characters");
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (!LDH_LABEL.matcher(label).matches()) {
                throw invalid(host, "label \"" + label + "\" is not 1 to 63 letters, digits and inner hyphens");
            }
        }
        if (labels.length < 2) {
            throw invalid(host, "it is a single label; CAA is checked for names below a TLD");
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw invalid(host, "it looks like an IP address; CAA applies to DNS names only");
        }
        return ascii;
    }

    private static IllegalArgumentException invalid(String host, String problem) {
        String shown = host.length() <= 80 ? host : host.substring(0, 80) + "…";
        return new IllegalArgumentException("invalid host \"" + shown + "\": " + problem);
    }
}
