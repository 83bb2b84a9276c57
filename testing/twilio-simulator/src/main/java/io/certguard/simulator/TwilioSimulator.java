package io.certguard.simulator;

import com.sun.net.httpserver.HttpServer;
import io.certguard.domain.DomainSid;
import io.certguard.twilio.TwilioCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Twilio's Link Shortening API (Messaging v1/v2, per twilio_messaging_v1.json and v2.json) on {@code 127.0.0.1} and a
 * random port: stateful domains and certificate validation, Basic auth, scriptable faults, and a record of every
 * request. Thread-safe; clients may call it concurrently.
 *
 * <pre>{@code
 * try (TwilioSimulator twilio = TwilioSimulator.builder().acceptCredentials(credentials).build().start()) {
 *     twilio.addDomain(SimulatedDomain.of(sid, "links.example.com").withCertificateExpiring(notAfter));
 *     twilio.enqueueFault(TwilioFault.RATE_LIMITED);
 *     ... point the client at twilio.baseUri() ...
 *     RecordedRequest first = twilio.takeRequest();
 * }
 * }</pre>
 */
public final class TwilioSimulator implements AutoCloseable {

    private static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final LinkShorteningApi api;
    private final FaultSchedule faults = new FaultSchedule();
    private final RequestJournal journal = new RequestJournal();
    private final SimulatorHandler handler;
    private HttpServer server;
    private ExecutorService executor;
    private URI baseUri;
    private boolean closed;

    private TwilioSimulator(Builder builder) {
        this.api = new LinkShorteningApi(builder.clock);
        List<byte[]> accepted = builder.credentials.stream()
                .map(c -> c.basicAuthorization().substring("Basic ".length()).getBytes(StandardCharsets.US_ASCII))
                .toList();
        this.handler = new SimulatorHandler(builder.clock, journal, faults, api, accepted, builder.slowDelay,
                builder.retryAfterSeconds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds a free port on 127.0.0.1 and starts serving.
     *
     * @throws UncheckedIOException when no port can be bound
     * @throws IllegalStateException when already started or closed
     */
    public synchronized TwilioSimulator start() {
        if (server != null || closed) {
            throw new IllegalStateException(closed ? "the simulator is closed" : "the simulator is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Twilio simulator on 127.0.0.1", e);
        }
        // One virtual thread per exchange: a SLOW answer must not hold up the requests behind it.
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("twilio-simulator-", 1).factory());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        api.baseUri(baseUri);
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, to use as the client's API base URL. */
    public synchronized URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return baseUri;
    }

    /** Stops serving at once: open connections are closed and SLOW answers abandoned. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.getLogger(TwilioSimulator.class.getName()).log(System.Logger.Level.WARNING,
                        "Twilio simulator handlers still running " + SHUTDOWN_WAIT.toMillis() + " ms after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Installs a domain, replacing any earlier one with the same SID and its state. */
    public TwilioSimulator addDomain(SimulatedDomain domain) {
        api.put(Objects.requireNonNull(domain, "domain"));
        return this;
    }

    /**
     * Whether {@code GET /v2/.../Certificate} is served (the default). When not, it answers 404 like an unknown path,
     * as where v2 is not rolled out, so a client's v1 fallback runs.
     */
    public TwilioSimulator serveV2(boolean served) {
        api.serveV2(served);
        return this;
    }

    /**
     * The {@code TlsCert} of the domain's last upload that passed the simulator's checks, whatever its validation
     * outcome; empty when none did. It holds a private key: do not log it.
     */
    public Optional<String> lastAcceptedTlsCert(DomainSid domain) {
        return api.lastAcceptedTlsCert(domain);
    }

    /** The next request gets {@code fault}; faults queue up first in, first out. */
    public TwilioSimulator enqueueFault(TwilioFault fault) {
        faults.enqueue(fault, Optional.empty());
        return this;
    }

    /**
     * The next request whose path contains a match of {@code pathPattern} gets {@code fault}; other requests pass it
     * by. Among matching faults the oldest applies first.
     */
    public TwilioSimulator enqueueFault(TwilioFault fault, Pattern pathPattern) {
        faults.enqueue(fault, Optional.of(Objects.requireNonNull(pathPattern, "pathPattern")));
        return this;
    }

    /**
     * Each request without a queued fault gets, with probability {@code rate}, one of {@code kinds} chosen uniformly;
     * the draws come from a {@link java.util.Random} seeded with {@code seed}, so sequential requests see the same
     * faults on every run. A rate of 0 turns random faults off.
     */
    public TwilioSimulator faultRate(double rate, long seed, TwilioFault... kinds) {
        faults.rate(rate, seed, Arrays.asList(kinds));
        return this;
    }

    /** A fixed delay before every answer, faulted or not ({@link Duration#ZERO} by default). */
    public TwilioSimulator latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        handler.latency(delay);
        return this;
    }

    /**
     * The oldest request not yet taken, waiting up to 5 seconds for one.
     *
     * @throws IllegalStateException when none arrives in time
     */
    public RecordedRequest takeRequest() throws InterruptedException {
        return journal.take(DEFAULT_TAKE_TIMEOUT);
    }

    /**
     * The oldest request not yet taken, waiting up to {@code timeout} for one.
     *
     * @throws IllegalStateException when none arrives in time
     */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return journal.take(timeout);
    }

    /** Every request received so far, in arrival order, taken or not. */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    public int requestCount() {
        return journal.count();
    }

    /** Configures a simulator; {@link #build()} returns it unstarted. */
    public static final class Builder {

        private final List<TwilioCredentials> credentials = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration slowDelay = Duration.ofSeconds(15);
        private int retryAfterSeconds = 1;

        private Builder() {
        }

        /**
         * Credentials the simulator accepts as HTTP Basic auth: an API key ({@code SK…} and secret) or an account SID
         * with its auth token (https://www.twilio.com/docs/usage/requests-to-twilio). Call once per accepted pair.
         */
        public Builder acceptCredentials(TwilioCredentials accepted) {
            credentials.add(Objects.requireNonNull(accepted, "accepted"));
            return this;
        }

        /** The clock for dates, arrival times and {@link ValidationPlan#afterDuration}; tests pass one they advance. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How long a {@link TwilioFault#SLOW} answer is held back (15 s by default, beyond the client's default timeout). */
        public Builder slowDelay(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("slowDelay must not be negative: " + value);
            }
            slowDelay = value;
            return this;
        }

        /** The {@code Retry-After} seconds of {@link TwilioFault#RATE_LIMITED_RETRY_AFTER} (1 by default). */
        public Builder retryAfterSeconds(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + seconds);
            }
            retryAfterSeconds = seconds;
            return this;
        }

        /** @throws IllegalStateException when no credentials were given: every Twilio request needs Basic auth */
        public TwilioSimulator build() {
            if (credentials.isEmpty()) {
                throw new IllegalStateException("no credentials to accept: call acceptCredentials(...) at least once");
            }
            return new TwilioSimulator(this);
        }
    }
}
