package io.certguard.adapter.dns;

import io.certguard.caa.LookupFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * Asks one question of the configured resolvers: UDP first, TCP when the UDP answer is truncated, another attempt (on
 * the next resolver) when there is no answer or no connection. Every wait is bounded by {@link DnsSettings}.
 */
final class DnsExchange {

    /** DNS Flag Day 2020's EDNS buffer size: large enough for most CAA sets, small enough not to fragment. */
    static final int EDNS_PAYLOAD = 1232;

    /** Extra wait beyond dnsjava's own timeout, so its timer, not ours, normally ends a silent query. */
    private static final Duration GRACE = Duration.ofMillis(250);

    private final List<Server> servers;
    private final Duration timeout;
    private final int attempts;

    /** What asking yielded: a response to interpret, or why there is none. */
    sealed interface Outcome {
        record Answered(Message response, InetSocketAddress resolver) implements Outcome {
        }

        record Failed(LookupFailure failure, String message) implements Outcome {
            /** No answer or no connection may be luck; a bad or truncated answer will not improve by asking again. */
            boolean worthRetrying() {
                return failure == LookupFailure.TIMEOUT || failure == LookupFailure.NETWORK;
            }
        }
    }

    private record Server(InetSocketAddress address, SimpleResolver udp, SimpleResolver tcp) {
    }

    DnsExchange(DnsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.timeout = settings.timeout();
        this.attempts = settings.attempts();
        this.servers = settings.resolvers().stream()
                .map(address -> new Server(address, resolver(address, false), resolver(address, true))).toList();
    }

    Outcome ask(Name name, int type) {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        Outcome.Failed last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            Outcome outcome = askOnce(servers.get(attempt % servers.size()), query);
            if (!(outcome instanceof Outcome.Failed failed) || !failed.worthRetrying()
                    || Thread.currentThread().isInterrupted()) {
                return outcome;
            }
            last = failed;
        }
        return new Outcome.Failed(last.failure(), last.message() + " (" + attempts
                + (attempts == 1 ? " attempt)" : " attempts)"));
    }

    private Outcome askOnce(Server server, Message query) {
        Record asked = query.getQuestion();
        String question = asked.getName().toString(true) + "/" + Type.string(asked.getType());
        try {
            Message response = send(server.udp(), query);
            if (!response.getHeader().getFlag(Flags.TC)) {
                return new Outcome.Answered(response, server.address());
            }
            // RFC 7766 §5: a truncated UDP answer is asked for again over TCP, which carries up to 65,535 octets.
            response = send(server.tcp(), query);
            if (response.getHeader().getFlag(Flags.TC)) {
                return new Outcome.Failed(LookupFailure.TRUNCATED, address(server) + " truncated the answer to "
                        + question + " over UDP and again over TCP");
            }
            return new Outcome.Answered(response, server.address());
        } catch (SocketTimeoutException e) {
            return new Outcome.Failed(LookupFailure.TIMEOUT, "no answer from " + address(server) + " to " + question
                    + " within " + describe(timeout));
        } catch (WireParseException e) {
            return new Outcome.Failed(LookupFailure.MALFORMED_RESPONSE, "unusable answer from " + address(server)
                    + " to " + question + ": " + e.getMessage());
        } catch (IOException e) {
            return new Outcome.Failed(LookupFailure.NETWORK, "cannot ask " + address(server) + " about " + question
                    + ": " + e);
        }
    }

    /**
     * Sends and waits. dnsjava's blocking {@code send} reports a timeout as either of two exception types depending
     * on which of its timers fires first; waiting here, a little longer than its own timer, makes it one.
     */
    private Message send(SimpleResolver resolver, Message query) throws IOException {
        CompletableFuture<Message> future = resolver.sendAsync(query).toCompletableFuture();
        try {
            Message response = future.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            if (!response.getHeader().getFlag(Flags.QR)) {
                // dnsjava takes any message with the right ID and question; one without QR is a query (a reflector,
                // a broken middlebox), and its empty answer section must not pass for "no CAA records".
                throw new WireParseException("the message is not a response (QR bit clear)");
            }
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SocketTimeoutException("no answer within " + describe(timeout));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new WireParseException("the response could not be read: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IOException("interrupted while waiting for DNS", e);
        }
    }

    private SimpleResolver resolver(InetSocketAddress address, boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(timeout);
        resolver.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
        // Truncation is handled above, so that a truncated TCP answer is noticed rather than returned.
        resolver.setIgnoreTruncation(true);
        resolver.setTCP(tcp);
        return resolver;
    }

    private static String address(Server server) {
        return server.address().getAddress().getHostAddress() + ":" + server.address().getPort();
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
