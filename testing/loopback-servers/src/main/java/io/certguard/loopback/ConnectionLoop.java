package io.certguard.loopback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Accepts connections on a listening socket and serves each on its own virtual thread, keeping track of the open ones
 * so that {@link #close()} drops them all and waits (briefly) for their threads: the part every loopback TCP server
 * shares.
 */
final class ConnectionLoop implements AutoCloseable {

    /** Serves one accepted connection; the loop closes and forgets the socket when this returns. */
    @FunctionalInterface
    interface Handler {
        void serve(Socket socket, long acceptedAtMillis) throws IOException, InterruptedException;
    }

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    ConnectionLoop(ServerSocket serverSocket, String name, Handler handler) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.acceptor = Thread.ofPlatform().daemon().name(name + "-" + serverSocket.getLocalPort()).start(this::accept);
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException acceptFailed) {
                continue; // closed (the loop ends) or a client that vanished between SYN and accept
            }
            long acceptedAt = System.currentTimeMillis();
            open.add(socket);
            try {
                connections.execute(() -> serve(socket, acceptedAt));
            } catch (RejectedExecutionException closing) {
                open.remove(socket);
                closeQuietly(socket);
                return;
            }
        }
    }

    private void serve(Socket socket, long acceptedAt) {
        try (socket) {
            handler.serve(socket, acceptedAt);
        } catch (IOException | InterruptedException clientGone) {
            // The client hung up or gave up, or the server is closing: either way this connection is done.
        } finally {
            open.remove(socket);
        }
    }

    /** Stops accepting, drops open connections and waits (briefly) for their threads to end. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the listening socket on port " + serverSocket.getLocalPort(), e);
        } finally {
            open.forEach(ConnectionLoop::closeQuietly);
            connections.shutdownNow();
            try {
                connections.awaitTermination(5, TimeUnit.SECONDS);
                acceptor.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
