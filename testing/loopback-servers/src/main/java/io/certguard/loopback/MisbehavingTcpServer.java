package io.certguard.loopback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

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
    private final ConnectionLoop loop;

    private MisbehavingTcpServer(Behaviour behaviour) throws IOException {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.loop = new ConnectionLoop(serverSocket, "misbehaving-tcp", (socket, acceptedAt) -> misbehave(socket));
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
        loop.close();
    }

    private void misbehave(Socket socket) throws IOException, InterruptedException {
        switch (behaviour) {
            case SILENT -> discardUntilClosed(socket.getInputStream());
            case PLAINTEXT_HTTP -> socket.getOutputStream().write(
                    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            case TRICKLE -> trickle(socket.getOutputStream());
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
}
