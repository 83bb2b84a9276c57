package io.certguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One exchange, in order: record the request, wait the fixed latency, apply a scripted or random fault, check Basic
 * auth, then let {@link LinkShorteningApi} answer. Logs method, path and status only: never a header value or a body,
 * which carry credentials and private keys.
 */
final class SimulatorHandler implements HttpHandler {

    /** Larger request bodies are refused; a certificate chain with its key is a few kilobytes. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final System.Logger LOG = System.getLogger(TwilioSimulator.class.getName());
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Clock clock;
    private final RequestJournal journal;
    private final FaultSchedule faults;
    private final LinkShorteningApi api;
    private final List<byte[]> acceptedCredentials;
    private final Duration slowDelay;
    private final int retryAfterSeconds;
    private volatile Duration latency = Duration.ZERO;

    SimulatorHandler(Clock clock, RequestJournal journal, FaultSchedule faults, LinkShorteningApi api,
            List<byte[]> acceptedCredentials, Duration slowDelay, int retryAfterSeconds) {
        this.clock = clock;
        this.journal = journal;
        this.faults = faults;
        this.api = api;
        this.acceptedCredentials = List.copyOf(acceptedCredentials);
        this.slowDelay = slowDelay;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    void latency(Duration delay) {
        latency = Objects.requireNonNull(delay, "delay");
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            serve(exchange);
        } catch (InterruptedException e) {
            // The simulator is closing: the connection closes unanswered.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Typically a client that timed out before a SLOW answer.
            LOG.log(System.Logger.Level.DEBUG, "could not answer {0} {1}: {2}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        Map<String, List<String>> form = Map.of();
        Optional<String> unreadable = Optional.empty();
        if (body.length > MAX_BODY_BYTES) {
            unreadable = Optional.of("Request body larger than " + MAX_BODY_BYTES + " bytes");
        } else {
            try {
                form = decodeForm(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            } catch (IllegalArgumentException e) {
                // The decoder's own message quotes the body, which may hold a private key.
                unreadable = Optional.of("Request body is not valid " + FORM);
            }
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        RecordedRequest request = new RecordedRequest(journal.nextSequence(), exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), rawQuery == null ? "" : rawQuery, exchange.getRequestHeaders(), form,
                clock.instant());
        journal.record(request);

        pause(latency);
        Optional<TwilioFault> fault = faults.next(request.path());
        if (fault.isPresent()) {
            LOG.log(System.Logger.Level.DEBUG, "#{0} {1} {2}: fault {3}", request.sequence(), request.method(),
                    request.path(), fault.get());
            switch (fault.get()) {
                case DROP_CONNECTION -> {
                    return; // closing an exchange before its response headers closes the connection, unanswered
                }
                case SLOW -> pause(slowDelay); // then the normal answer
                default -> {
                    send(exchange, request, TwilioErrors.forFault(fault.get(), retryAfterSeconds));
                    return;
                }
            }
        }
        SimResponse response;
        if (!authorized(request)) {
            response = TwilioErrors.unauthorized();
        } else if (unreadable.isPresent()) {
            response = TwilioErrors.badRequest(unreadable.get());
        } else {
            response = answer(request);
        }
        send(exchange, request, response);
    }

    /**
     * The API's answer. A simulator bug must not look like a network fault: left alone, the JDK server would drop the
     * connection and log nothing visible, and a client would retry in silence.
     */
    private SimResponse answer(RecordedRequest request) {
        try {
            return api.handle(request);
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, "Twilio simulator failed on #" + request.sequence() + " "
                    + request.method() + " " + request.path(), bug);
            return TwilioErrors.error(500, 20500, "Twilio simulator failed: " + bug.getClass().getName());
        }
    }

    /** Basic auth against the configured credentials, compared in constant time. */
    private boolean authorized(RecordedRequest request) {
        String header = request.header("Authorization").orElse("");
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            return false;
        }
        byte[] given = header.substring(space + 1).strip().getBytes(StandardCharsets.US_ASCII);
        boolean accepted = false;
        for (byte[] expected : acceptedCredentials) {
            accepted |= MessageDigest.isEqual(expected, given);
        }
        return accepted;
    }

    private void send(HttpExchange exchange, RecordedRequest request, SimResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        LOG.log(System.Logger.Level.DEBUG, "#{0} {1} {2} -> {3}", request.sequence(), request.method(), request.path(),
                response.status());
    }

    private static void pause(Duration delay) throws InterruptedException {
        if (delay.isPositive()) {
            Thread.sleep(delay);
        }
    }

    /** Form fields of an {@code application/x-www-form-urlencoded} body; none for other bodies. */
    static Map<String, List<String>> decodeForm(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM) || body.length == 0) {
            return Map.of();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }
}
