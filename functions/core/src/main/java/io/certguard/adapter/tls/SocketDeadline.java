package io.certguard.adapter.tls;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket when a deadline passes. A read timeout bounds each wait for bytes, not their sum: a server that
 * trickles one byte just inside the timeout could hold a handshake open for minutes. Closing the plain socket
 * underneath the TLS one makes the blocked read fail at once.
 *
 * <p>One daemon thread serves every probe in the JVM; cancelled deadlines are removed from its queue at once, so a
 * thousand quick probes leave nothing behind.
 */
final class SocketDeadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> closing;

    private SocketDeadline(Socket socket, Duration within) {
        this.closing = TIMER.schedule(() -> {
            expired.set(true);
            try {
                socket.close();
            } catch (IOException alreadyBroken) {
                // Closed is closed.
            }
        }, within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes {@code socket} unless {@link #close()} is called within {@code within}. */
    static SocketDeadline arm(Socket socket, Duration within) {
        return new SocketDeadline(socket, within);
    }

    /** Whether the deadline passed and the socket was closed because of it. */
    boolean expired() {
        return expired.get();
    }

    /** Disarms the deadline (the socket is left as it is). */
    @Override
    public void close() {
        closing.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("certguard-socket-deadlines").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
