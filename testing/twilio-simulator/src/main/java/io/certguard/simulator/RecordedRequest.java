package io.certguard.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A request as the simulator received it, for tests to verify what a client sent. It holds the {@code Authorization}
 * header and the {@code TlsCert} field (tests check them), so {@link #toString()} shows names only, never those values.
 *
 * @param sequence   1 for the first request the simulator received, counting every request, faulted or not
 * @param method     the HTTP method
 * @param path       the decoded path, e.g. {@code /v1/LinkShortening/Domains/DN…/Certificate}
 * @param query      the raw query string, "" when there is none
 * @param headers    header names in lower case, each with its values in order
 * @param form       {@code application/x-www-form-urlencoded} fields, decoded; empty for other bodies
 * @param receivedAt arrival time by the simulator's clock
 */
public record RecordedRequest(long sequence, String method, String path, String query,
        Map<String, List<String>> headers, Map<String, List<String>> form, Instant receivedAt) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(receivedAt, "receivedAt");
        headers = lowerCaseNames(headers);
        form = copy(form);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return first(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The first value of a form field (names are case-sensitive, as in Twilio's API). */
    public Optional<String> formField(String name) {
        return first(form.get(name));
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return Collections.unmodifiableMap(lower);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** Method, path and the names of headers and form fields; no values, which may be credentials or a private key. */
    @Override
    public String toString() {
        return "RecordedRequest[#" + sequence + " " + method + " " + path + (query.isEmpty() ? "" : "?…")
                + ", headers=" + headers.keySet() + ", form=" + form.keySet() + ", receivedAt=" + receivedAt + "]";
    }
}
