package io.certguard.adapter.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server for exactly one connection that writes raw bytes, for answers no well-behaved HTTP server sends
 * (absurd headers, a body that stalls). It reports whether the client closed the connection within a bounded wait.
 */
final class OneShotHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();

    private OneShotHttpServer(byte[] response, Duration delay, Duration waitForClose) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("one-shot-http").start(() -> serve(response, delay, waitForClose));
    }

    /**
     * Answers the first request with {@code response} after {@code delay}, then keeps the connection open until the
     * client closes it or {@code waitForClose} passes.
     */
    static OneShotHttpServer answering(String response, Duration delay, Duration waitForClose) throws IOException {
        return new OneShotHttpServer(response.getBytes(StandardCharsets.ISO_8859_1), delay, waitForClose);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** True when the client closed the connection within the server's wait, false when it was still open. */
    boolean clientClosedConnection(Duration timeout) throws Exception {
        return clientClosed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void serve(byte[] response, Duration delay, Duration waitForClose) {
        try (Socket connection = socket.accept()) {
            connection.setSoTimeout((int) waitForClose.toMillis());
            InputStream in = connection.getInputStream();
            readHeaders(in);
            Thread.sleep(delay);
            OutputStream out = connection.getOutputStream();
            out.write(response);
            out.flush();
            try {
                clientClosed.complete(in.read() == -1);
            } catch (SocketTimeoutException stillOpen) {
                clientClosed.complete(false);
            }
        } catch (IOException e) {
            clientClosed.complete(true); // a reset is a close too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clientClosed.completeExceptionally(e);
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("client closed before sending a request");
            }
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
