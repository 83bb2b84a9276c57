package io.certguard.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the {@code DOMAINS} setting: comma-separated {@code DN…} SIDs, each optionally {@code DN…=host} or
 * {@code DN…=host:port}. Every malformed entry is reported at once, by position, so one fix is enough.
 */
public final class DomainList {

    /** A DNS host name (RFC 1123 labels) or an IPv4 literal; IDNs must be given in their ASCII (xn--) form. */
    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$");

    private DomainList() {
    }

    /**
     * @throws IllegalArgumentException listing every malformed entry
     */
    public static List<MonitoredDomain> parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return List.of();
        }
        Map<DomainSid, MonitoredDomain> domains = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] entries = setting.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue; // tolerate "DN1,,DN2" and a trailing comma
            }
            try {
                MonitoredDomain domain = parseEntry(entry);
                if (domains.putIfAbsent(domain.sid(), domain) != null) {
                    problems.add("entry " + (i + 1) + ": " + domain.sid() + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add("entry " + (i + 1) + " (\"" + abbreviate(entry) + "\"): " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("DOMAINS is malformed: " + String.join("; ", problems)
                    + ". Expected DN<32 hex>[=host[:port]], comma-separated");
        }
        return List.copyOf(domains.values());
    }

    /**
     * One entry: {@code DN…}, {@code DN…=host} or {@code DN…=host:port} (the command line's {@code --domain}).
     *
     * @throws IllegalArgumentException saying what is wrong, without naming the setting
     */
    public static MonitoredDomain parseEntry(String entry) {
        int eq = entry.indexOf('=');
        DomainSid sid = DomainSid.of(eq < 0 ? entry : entry.substring(0, eq));
        if (eq < 0) {
            return MonitoredDomain.of(sid);
        }
        String target = entry.substring(eq + 1).strip();
        if (target.contains("://")) {
            throw new IllegalArgumentException("give a host name, not a URL");
        }
        String host = target;
        int port = MonitoredDomain.HTTPS_PORT;
        int colon = target.lastIndexOf(':');
        if (colon >= 0) {
            host = target.substring(0, colon);
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535");
            }
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("\"" + abbreviate(host) + "\" is not a host name");
        }
        String normalized = host.toLowerCase(Locale.ROOT);
        if (normalized.endsWith(".")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return new MonitoredDomain(sid, Optional.of(normalized), port);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
