package io.certguard.loopback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on 127.0.0.1 and a random free port that accepts connections but never completes a TLS handshake, in
 * one of the ways real hosts fail: for the timeout and handshake-failure paths of a client.
 */
public final class MisbehavingTcpServer implements AutoCloseable {

    /** How the server fails its clients. */
    public enum Behaviour {
        /** Accepts and then says nothing, reading and discarding whatever arrives, until the client gives up. */
        SILENT,
        /** Answers with a plain-text HTTP 400 and closes: an HTTP server on the port a client expected TLS on. */
        PLAINTEXT_HTTP,
        /**
         * Starts a 16 KB TLS handshake record and then sends one byte every 50 ms: every read succeeds in time, so
         * only a deadline on the whole handshake stops a client.
         */
        TRICKLE
    }

    private static final Duration TRICKLE_INTERVAL = Duration.ofMillis(50);
    private static final byte[] TLS_HANDSHAKE_RECORD_HEADER = {0x16, 0x03, 0x03, 0x40, 0x00};

    private final Behaviour behaviour;
    private final ServerSocket serverSocket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private MisbehavingTcpServer(Behaviour behaviour) throws IOException {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("misbehaving-tcp-" + serverSocket.getLocalPort())
                .start(this::acceptLoop);
    }

    public static MisbehavingTcpServer start(Behaviour behaviour) throws IOException {
        return new MisbehavingTcpServer(behaviour);
    }

    /** Always the loopback address. */
    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Stops accepting and drops every open connection. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the listening socket on port " + port(), e);
        } finally {
            open.forEach(MisbehavingTcpServer::closeQuietly);
            connections.shutdownNow();
            try {
                connections.awaitTermination(5, TimeUnit.SECONDS);
                acceptor.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException acceptFailed) {
                continue; // closed (the loop ends) or a client that vanished between SYN and accept
            }
            open.add(socket);
            try {
                connections.execute(() -> misbehave(socket));
            } catch (RejectedExecutionException closing) {
                open.remove(socket);
                closeQuietly(socket);
                return;
            }
        }
    }

    private void misbehave(Socket socket) {
        try (socket) {
            switch (behaviour) {
                case SILENT -> discardUntilClosed(socket.getInputStream());
                case PLAINTEXT_HTTP -> socket.getOutputStream().write(
                        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                case TRICKLE -> trickle(socket.getOutputStream());
            }
        } catch (IOException | InterruptedException clientGone) {
            // The client hung up or the server is closing: either way this connection is done.
        } finally {
            open.remove(socket);
        }
    }

    private static void discardUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // A client hello, perhaps; no answer ever comes.
        }
    }

    private static void trickle(OutputStream out) throws IOException, InterruptedException {
        out.write(TLS_HANDSHAKE_RECORD_HEADER);
        out.flush();
        for (int sent = 0; sent < 0x4000; sent++) {
            Thread.sleep(TRICKLE_INTERVAL);
            out.write(0);
            out.flush();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // Closing is all we wanted.
        }
    }
}
