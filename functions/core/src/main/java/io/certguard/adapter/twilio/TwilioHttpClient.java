package io.certguard.adapter.twilio;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import io.certguard.retry.Sleeper;
import io.certguard.twilio.DnsValidation;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.DomainConfig;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.twilio.TwilioAuthenticationException;
import io.certguard.twilio.TwilioCredentials;
import io.certguard.twilio.TwilioDomains;
import io.certguard.twilio.TwilioError;
import io.certguard.twilio.TwilioException;
import io.certguard.twilio.TwilioNotFoundException;
import io.certguard.twilio.TwilioProtocolException;
import io.certguard.twilio.TwilioRateLimitedException;
import io.certguard.twilio.TwilioRejectedException;
import io.certguard.twilio.TwilioResources;
import io.certguard.twilio.TwilioUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Twilio's Link Shortening endpoints over {@code java.net.http}.
 *
 * <p>Why not the Twilio Java SDK: it has no base-URL option (so no simulator), retries 5xx and 429 on its own (POSTs
 * included) beneath any policy of ours, and weighs 16 MB with its dependencies.
 *
 * <p>Retries: 429 (error 20429, "safe to retry after backing off"), 5xx and I/O failures are retried under the
 * {@link io.certguard.retry.RetryPolicy}, honouring {@code Retry-After} when present. Both POSTs are safe to repeat:
 * uploading the same {@code TlsCert} again, or asking again for a managed certificate, leaves the same end state.
 * Redirects are not followed (a redirect means a wrong base URL). Nothing logged or thrown carries the credentials or
 * the {@code TlsCert} body.
 *
 * <p>Beneath these retries java.net.http itself re-sends a GET once when its connection closes before a response byte
 * arrives (JDK 25 {@code MultiExchange}; older JDKs only on pooled connections), so one attempt of a GET can reach
 * Twilio twice. Reads are idempotent, and POSTs are never re-sent that way.
 */
public final class TwilioHttpClient implements TwilioDomains {

    private static final System.Logger LOG = System.getLogger(TwilioHttpClient.class.getName());
    private static final String USER_AGENT = "certguard/0.1 (java.net.http)";

    private final TwilioClientSettings settings;
    private final TwilioCredentials credentials;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public TwilioHttpClient(TwilioClientSettings settings, TwilioCredentials credentials) {
        this(settings, credentials, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    public TwilioHttpClient(TwilioClientSettings settings, TwilioCredentials credentials, Sleeper sleeper,
            DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public DomainCertificate fetchCertificate(DomainSid domain) {
        try {
            return get("/v2/LinkShortening/Domains/" + domain + "/Certificate",
                    json -> TwilioResources.certificate(domain, json, "v2"));
        } catch (TwilioNotFoundException v2Missing) {
            // v2 (with managed/requesting) arrived in the spec in Dec 2025; where it is not served, v1 still answers.
            return get("/v1/LinkShortening/Domains/" + domain + "/Certificate",
                    json -> TwilioResources.certificate(domain, json, "v1"));
        }
    }

    @Override
    public DomainCertificate uploadCertificate(DomainSid domain, TlsCertPayload tlsCert) {
        String form = "TlsCert=" + URLEncoder.encode(tlsCert.pem(), StandardCharsets.UTF_8);
        return send("POST", "/v1/LinkShortening/Domains/" + domain + "/Certificate", Optional.of(form),
                json -> TwilioResources.certificate(domain, json, "v1"));
    }

    @Override
    public DomainConfig fetchConfig(DomainSid domain) {
        return get("/v1/LinkShortening/Domains/" + domain + "/Config", json -> TwilioResources.config(domain, json));
    }

    @Override
    public DnsValidation validateDns(DomainSid domain) {
        return get("/v1/LinkShortening/Domains/" + domain + "/ValidateDns",
                json -> TwilioResources.dnsValidation(domain, json));
    }

    @Override
    public DomainCertificate requestManagedCertificate(DomainSid domain) {
        return send("POST", "/v1/LinkShortening/Domains/" + domain + "/RequestManagedCert", Optional.of(""),
                json -> TwilioResources.certificate(domain, json, "v1"));
    }

    private <T> T get(String path, Function<JsonObject, T> mapper) {
        return send("GET", path, Optional.empty(), mapper);
    }

    private <T> T send(String method, String path, Optional<String> form, Function<JsonObject, T> mapper) {
        HttpRequest request = request(method, path, form);
        long started = System.nanoTime();
        int attempts = 0;
        while (true) {
            attempts++;
            Attempt outcome = attempt(request, method, path);
            if (outcome instanceof Attempt.Success success) {
                return parse(success, method, path, mapper);
            }
            Attempt.Retryable failure = (Attempt.Retryable) outcome;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Optional<Duration> delay = settings.retry().nextDelay(attempts, elapsed, failure.retryAfter(), random);
            if (delay.isEmpty()) {
                throw failure.exhausted(method + " " + path + " failed after " + attempts + " attempt"
                        + (attempts == 1 ? "" : "s") + " in " + elapsed.toMillis() + " ms: ");
            }
            String retry = "Twilio " + method + " " + path + ": " + failure.reason() + "; retry " + attempts + " of "
                    + (settings.retry().maxAttempts() - 1) + " in " + delay.get().toMillis() + " ms";
            LOG.log(System.Logger.Level.WARNING, retry);
            try {
                sleeper.sleep(delay.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TwilioUnavailableException(method + " " + path + " interrupted while waiting to retry", 0,
                        Optional.empty(), e);
            }
        }
    }

    private HttpRequest request(String method, String path, Optional<String> form) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUri() + path))
                .timeout(settings.requestTimeout())
                .header("Authorization", credentials.basicAuthorization())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (form.isPresent()) {
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(form.get(), StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /** One HTTP exchange, classified. Non-retryable failures are thrown directly. */
    private Attempt attempt(HttpRequest request, String method, String path) {
        HttpResponse<byte[]> response;
        // The request timeout covers the wait for headers; the outer wait also bounds a body that trickles in.
        long waitMillis = settings.requestTimeout().toMillis() + 1_000;
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(request, CappedBodySubscriber.handler(settings.maxBodyBytes()));
        try {
            response = exchange.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Abandoning the future is not enough: cancelling it aborts the exchange and closes its connection.
            exchange.cancel(true);
            return new Attempt.Retryable("no complete response within " + waitMillis + " ms",
                    0, Optional.empty(), Optional.empty(), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new TwilioUnavailableException(method + " " + path + " interrupted", 0, Optional.empty(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CappedBodySubscriber.BodyTooLargeException tooLarge) {
                throw new TwilioProtocolException(method + " " + path + ": " + tooLarge.getMessage(), 0, null);
            }
            if (cause instanceof IOException) {
                return new Attempt.Retryable(describe(cause), 0, Optional.empty(), Optional.empty(), cause);
            }
            throw new TwilioUnavailableException(method + " " + path + ": " + describe(cause), 0, Optional.empty(), cause);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Attempt.Success(response);
        }
        Optional<TwilioError> error = errorBody(response);
        String detail = "HTTP " + status + error.map(err -> " (" + err.describe() + ")").orElse(contentHint(response));
        if (status == 429) {
            return new Attempt.Retryable(detail, status, error, retryAfter(response), null);
        }
        if (status >= 500) {
            return new Attempt.Retryable(detail, status, error, Optional.empty(), null);
        }
        String what = method + " " + path + ": " + detail;
        if (status == 401 || status == 403) {
            throw new TwilioAuthenticationException(what + "; check the Twilio credentials (account " + credentials.accountSid()
                    + ", user " + credentials.username() + ")", status, error);
        }
        if (status == 404) {
            throw new TwilioNotFoundException(what, status, error);
        }
        if (status >= 300 && status < 400) {
            throw new TwilioProtocolException(what + ": redirect to " + response.headers().firstValue("Location").orElse("(none)")
                    + " not followed; check the Twilio API base URL", status, null);
        }
        throw new TwilioRejectedException(what, status, error);
    }

    private static <T> T parse(Attempt.Success success, String method, String path, Function<JsonObject, T> mapper) {
        HttpResponse<byte[]> response = success.response();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new TwilioProtocolException(method + " " + path + ": HTTP " + response.statusCode()
                    + " with Content-Type \"" + contentType + "\", expected JSON", response.statusCode(), null);
        }
        try {
            return mapper.apply(Json.parseObject(new String(response.body(), StandardCharsets.UTF_8)));
        } catch (JsonFormatException e) {
            throw new TwilioProtocolException(method + " " + path + ": unexpected response body: " + e.getMessage(),
                    response.statusCode(), e);
        }
    }

    private static Optional<TwilioError> errorBody(HttpResponse<byte[]> response) {
        try {
            return TwilioError.from(Json.parseObject(new String(response.body(), StandardCharsets.UTF_8)));
        } catch (JsonFormatException e) {
            return Optional.empty();
        }
    }

    private static String contentHint(HttpResponse<byte[]> response) {
        return " with a " + response.headers().firstValue("Content-Type").orElse("untyped") + " body of "
                + response.body().length + " bytes";
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); unparseable values are ignored. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> parseRetryAfter(value, ZonedDateTime.now()));
    }

    static Optional<Duration> parseRetryAfter(String value, ZonedDateTime now) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** The outcome of one exchange that did not throw. */
    private sealed interface Attempt {

        record Success(HttpResponse<byte[]> response) implements Attempt {
        }

        record Retryable(String reason, int status, Optional<TwilioError> error, Optional<Duration> retryAfter,
                Throwable cause) implements Attempt {

            TwilioException exhausted(String prefix) {
                if (status == 429) {
                    return new TwilioRateLimitedException(prefix + reason, error, retryAfter);
                }
                return new TwilioUnavailableException(prefix + reason, status, error, cause);
            }
        }
    }
}
