package io.certguard.loopback;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 and a random free port in front of one plain-HTTP service (an AWS emulator), that can
 * be made to fail like a service that has stopped: from a chosen moment every connection is reset, the one carrying
 * the triggering request included, and that request never reaches the service. Point one SDK client at {@link #uri()}
 * to take one AWS service down in the middle of a run while the others keep working.
 *
 * <p>Requests are read one at a time from each connection (the AWS SDKs neither pipeline nor stream request bodies to
 * these services: every body has a {@code Content-Length}), so each can be counted and matched; responses are copied
 * back unread.
 */
public final class OutageProxy implements AutoCloseable {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    /**
     * One request as it reached the proxy.
     *
     * @param headers names in lower case
     */
    public record Request(String method, String target, Map<String, String> headers, String body) {

        /**
         * The AWS operation: the {@code X-Amz-Target} header's action for the JSON protocols (DynamoDB:
         * {@code DynamoDB_20120810.PutItem} -> {@code PutItem}), else the {@code Action} form field of the query
         * protocol (SNS: {@code Action=Publish}), else empty.
         */
        public String operation() {
            String target = headers.get("x-amz-target");
            if (target != null) {
                return target.substring(target.lastIndexOf('.') + 1);
            }
            for (String field : body.split("&")) {
                if (field.startsWith("Action=")) {
                    return URLDecoder.decode(field.substring("Action=".length()), StandardCharsets.UTF_8);
                }
            }
            return "";
        }
    }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket serverSocket;
    private final ConnectionLoop loop;
    private final Set<Socket> upstreams = ConcurrentHashMap.newKeySet();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final List<Request> forwarded = new ArrayList<>();
    private Predicate<Request> outageFrom = request -> false;
    private boolean down;
    private int refused;

    private OutageProxy(URI target) throws IOException {
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("the proxy forwards plain HTTP only, not " + target);
        }
        this.targetHost = target.getHost();
        this.targetPort = target.getPort() == -1 ? 80 : target.getPort();
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.loop = new ConnectionLoop(serverSocket, "outage-proxy", (socket, acceptedAt) -> relay(socket));
    }

    /** A proxy forwarding everything to {@code target} (http://host:port) until told otherwise. */
    public static OutageProxy forwardingTo(URI target) throws IOException {
        return new OutageProxy(target);
    }

    /** The proxy's address, for an SDK client's endpoint. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort());
    }

    /** The service stops now: open connections are reset and every later request is refused. */
    public synchronized void stopNow() {
        down = true;
        resetAll();
    }

    /**
     * The service stops at the first request matching {@code trigger} (which is refused, not forwarded), and stays
     * stopped until {@link #restart()}.
     */
    public synchronized void stopAt(Predicate<Request> trigger) {
        outageFrom = Objects.requireNonNull(trigger, "trigger");
    }

    /**
     * The service stops at its {@code n}-th request from now whose operation is {@code operation} (1 = the next one):
     * the {@code n - 1} before it are forwarded.
     */
    public synchronized void stopAtOperation(String operation, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n counts from 1, was " + n);
        }
        int[] seen = {0};
        stopAt(request -> request.operation().equals(operation) && ++seen[0] == n);
    }

    /** The service is back: requests are forwarded again and the stop trigger is cleared. */
    public synchronized void restart() {
        down = false;
        outageFrom = request -> false;
    }

    public synchronized boolean isDown() {
        return down;
    }

    /** Every request forwarded so far, in order. */
    public synchronized List<Request> forwarded() {
        return List.copyOf(forwarded);
    }

    /** The operations of {@link #forwarded()}, in order. */
    public synchronized List<String> forwardedOperations() {
        return forwarded.stream().map(Request::operation).toList();
    }

    /** Requests refused while the service was down (the triggering one included). */
    public synchronized int refused() {
        return refused;
    }

    @Override
    public void close() {
        loop.close();
        upstreams.forEach(OutageProxy::reset);
    }

    private void relay(Socket client) throws IOException {
        clients.add(client);
        try (Socket upstream = new Socket()) {
            if (!admitConnection(client)) {
                return;
            }
            upstream.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MILLIS);
            upstreams.add(upstream);
            Thread.ofVirtual().name("outage-proxy-response").start(() -> copyResponses(upstream, client));
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = upstream.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    return; // the client closed its connection between requests
                }
                byte[] body = readBody(head, in);
                if (!admit(parse(head, body))) {
                    return;
                }
                out.write(head);
                out.write(body); // the bytes as they came, not re-encoded
                out.flush();
            }
        } finally {
            clients.remove(client);
            upstreams.removeIf(Socket::isClosed);
        }
    }

    private synchronized boolean admitConnection(Socket client) {
        if (down) {
            refused++;
            reset(client);
            return false;
        }
        return true;
    }

    /** Forwards (and records) the request, or takes the service down: every connection reset, this one first. */
    private synchronized boolean admit(Request request) {
        if (!down && outageFrom.test(request)) {
            down = true;
            resetAll();
        }
        if (down) {
            refused++;
            return false;
        }
        forwarded.add(request);
        return true;
    }

    private void resetAll() {
        clients.forEach(OutageProxy::reset);
        upstreams.forEach(OutageProxy::reset);
    }

    private static void copyResponses(Socket upstream, Socket client) {
        try {
            upstream.getInputStream().transferTo(client.getOutputStream());
            client.shutdownOutput(); // the service closed its side: so does the proxy
        } catch (IOException connectionGone) {
            // reset by an outage or closed by either side: the relay is over
        }
    }

    /** The request line and headers up to the blank line, or null at a clean end of stream before any byte. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a request head");
            }
            head.write(b);
            if (head.size() > MAX_HEADER_BYTES) {
                throw new IOException("request head longer than " + MAX_HEADER_BYTES + " bytes");
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static byte[] readBody(byte[] head, InputStream in) throws IOException {
        Map<String, String> headers = headers(head);
        if (headers.containsKey("transfer-encoding")) {
            throw new IOException("chunked request bodies are not relayed (Transfer-Encoding: "
                    + headers.get("transfer-encoding") + ")");
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("connection closed inside a request body");
        }
        return body;
    }

    private static Request parse(byte[] head, byte[] body) throws IOException {
        String requestLine = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        return new Request(parts[0], parts[1], headers(head), new String(body, StandardCharsets.UTF_8));
    }

    /** The header fields of a request head, names in lower case. */
    private static Map<String, String> headers(byte[] head) {
        Map<String, String> headers = new TreeMap<>();
        List<String> lines = new String(head, StandardCharsets.ISO_8859_1).lines().skip(1).toList();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return Map.copyOf(headers);
    }

    /** Closes with an RST (SO_LINGER 0), as a stopped service's host answers: the client sees "connection reset". */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException alreadyGone) {
            // Nothing left to reset.
        }
    }
}
