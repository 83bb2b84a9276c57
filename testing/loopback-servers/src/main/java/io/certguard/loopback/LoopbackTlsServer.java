package io.certguard.loopback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on 127.0.0.1 and a random free port that presents a certificate chain chosen by the SNI host name
 * (a default chain for an unknown or absent name), completes the handshake, records it, and closes the connection.
 * It speaks no application protocol: a certificate probe needs nothing after the handshake.
 *
 * <p>Chains can be set or replaced per host while the server runs ({@link #serve}); the next full handshake for that
 * name presents the new chain. Sessions are resumable, as on real servers, and each recorded handshake says whether it
 * was resumed: a client that resumes sees no certificate at all, only the one its session started with.
 *
 * <p>Each connection is handled on its own virtual thread, so thousands of concurrent handshakes (a scan benchmark
 * probing many hosts through one server) cost no thread pool tuning; a connection idle for longer than the handshake
 * timeout is dropped.
 */
public final class LoopbackTlsServer implements AutoCloseable {

    private static final int BACKLOG = 4096; // the kernel caps it at net.core.somaxconn

    private final SniKeyManager keyManager;
    private final SSLServerSocket serverSocket;
    private final Duration handshakeTimeout;
    private final BlockingQueue<RecordedHandshake> handshakes = new LinkedBlockingQueue<>();
    private final AtomicInteger handshakeCount = new AtomicInteger();
    private final ConnectionLoop loop;

    private LoopbackTlsServer(Builder builder) throws IOException {
        this.keyManager = new SniKeyManager(builder.defaultChain);
        this.handshakeTimeout = builder.handshakeTimeout;
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keyManager}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up a TLS server: " + e.getMessage(), e);
        }
        this.serverSocket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        builder.protocols.ifPresent(protocols -> serverSocket.setEnabledProtocols(protocols.toArray(String[]::new)));
        this.loop = new ConnectionLoop(serverSocket, "loopback-tls",
                (socket, acceptedAt) -> handshake((SSLSocket) socket, acceptedAt));
    }

    /** A server presenting {@code defaultChain} to every client until {@link #serve} says otherwise. */
    public static LoopbackTlsServer start(ServedChain defaultChain) throws IOException {
        return builder(defaultChain).start();
    }

    public static Builder builder(ServedChain defaultChain) {
        return new Builder(defaultChain);
    }

    /** Always the loopback address: this server is never reachable from another machine. */
    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Presents {@code chain} to clients that send SNI {@code host} (case-insensitive), from the next handshake on. */
    public void serve(String host, ServedChain chain) {
        keyManager.serve(Objects.requireNonNull(host, "host"), Objects.requireNonNull(chain, "chain"));
    }

    /**
     * The oldest handshake not yet taken, waiting up to {@code timeout} for one: a client's handshake can finish a
     * moment before the server has recorded its side.
     *
     * @throws IllegalStateException when none completes in time
     */
    public RecordedHandshake takeHandshake(Duration timeout) throws InterruptedException {
        RecordedHandshake handshake = handshakes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (handshake == null) {
            throw new IllegalStateException("no TLS handshake completed on port " + port() + " within " + timeout);
        }
        return handshake;
    }

    /** Handshakes completed so far, taken or not. */
    public int handshakeCount() {
        return handshakeCount.get();
    }

    /** Stops accepting, drops open connections and waits (briefly) for their threads to end. */
    @Override
    public void close() {
        loop.close();
    }

    /**
     * Shakes hands and records it. A session created before the connection was accepted was resumed: JSSE keeps a
     * session's creation time whether it comes back from the session cache or from a session ticket.
     */
    private void handshake(SSLSocket socket, long acceptedAtMillis) {
        try {
            socket.setSoTimeout((int) handshakeTimeout.toMillis());
            socket.startHandshake();
            SSLSession session = socket.getSession();
            handshakeCount.incrementAndGet();
            Optional<String> serverName = session instanceof ExtendedSSLSession extended
                    ? SniKeyManager.requestedHost(extended) : Optional.empty();
            handshakes.add(new RecordedHandshake(serverName, session.getProtocol(), session.getCipherSuite(),
                    (X509Certificate) session.getLocalCertificates()[0], session.getCreationTime() < acceptedAtMillis));
        } catch (IOException handshakeFailed) {
            // The client gave up or rejected us; nothing to record, and nothing to tell it.
        }
    }

    /** Options for {@link LoopbackTlsServer}; defaults: the JDK's protocols (TLS 1.3 and 1.2), 10 s handshakes. */
    public static final class Builder {

        private final ServedChain defaultChain;
        private Optional<List<String>> protocols = Optional.empty();
        private Duration handshakeTimeout = Duration.ofSeconds(10);

        private Builder(ServedChain defaultChain) {
            this.defaultChain = Objects.requireNonNull(defaultChain, "defaultChain");
        }

        /** Restricts the protocols offered, e.g. to {@code "TLSv1.2"} as an older server would. */
        public Builder protocols(String... names) {
            this.protocols = Optional.of(List.of(names));
            return this;
        }

        /** How long a connection may sit idle during its handshake before the server drops it. */
        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("handshake timeout must be positive, was " + timeout);
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        public LoopbackTlsServer start() throws IOException {
            return new LoopbackTlsServer(this);
        }
    }
}
