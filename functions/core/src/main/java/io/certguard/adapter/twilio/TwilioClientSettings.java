package io.certguard.adapter.twilio;

import io.certguard.retry.RetryPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to call Twilio.
 *
 * @param baseUri        {@code https://messaging.twilio.com} by default; plain {@code http} only for loopback hosts
 *                       (the simulator), so credentials never cross a network unencrypted
 * @param connectTimeout TCP/TLS connect timeout per attempt
 * @param requestTimeout whole-response timeout per attempt
 * @param retry          bounds for retrying 429, 5xx and I/O failures
 * @param maxBodyBytes   larger responses are refused (Twilio's resources are well under 10 KB)
 */
public record TwilioClientSettings(URI baseUri, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
        int maxBodyBytes) {

    public static final URI DEFAULT_BASE_URI = URI.create("https://messaging.twilio.com");

    public TwilioClientSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        baseUri = checkedBaseUri(baseUri);
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
    }

    public static TwilioClientSettings defaults() {
        return defaults(DEFAULT_BASE_URI);
    }

    public static TwilioClientSettings defaults(URI baseUri) {
        return new TwilioClientSettings(baseUri, Duration.ofSeconds(5), Duration.ofSeconds(10), RetryPolicy.defaults(),
                1 << 20);
    }

    public TwilioClientSettings withRetry(RetryPolicy policy) {
        return new TwilioClientSettings(baseUri, connectTimeout, requestTimeout, policy, maxBodyBytes);
    }

    public TwilioClientSettings withTimeouts(Duration connect, Duration request) {
        return new TwilioClientSettings(baseUri, connect, request, retry, maxBodyBytes);
    }

    /**
     * Parses a base URL given as text (an env var or flag).
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static URI parseBaseUri(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_BASE_URI;
        }
        try {
            return checkedBaseUri(new URI(text.strip()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("Twilio API base URL is not a URL: " + e.getMessage());
        }
    }

    private static URI checkedBaseUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Twilio API base URL needs a scheme and host, e.g. https://messaging.twilio.com: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Twilio API base URL must not carry user info, a query or a fragment: "
                    + uri.getScheme() + "://" + uri.getHost());
        }
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new IllegalArgumentException("plain http:// is allowed only for loopback hosts (the simulator); use https:// for "
                        + uri.getHost());
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("Twilio API base URL must be https:// (or http:// on loopback): " + uri);
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked: resolving a name here could be steered by DNS.
        if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
