package io.certguard.hostile;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP responder on 127.0.0.1 that answers every datagram with the same hand-made bytes, copying the query's
 * 16-bit ID into the first two bytes (unless told not to) so the answer is taken for the reply it claims to be. For
 * wire-level faults the well-behaved {@link io.certguard.loopback.LoopbackDnsServer} cannot produce. TCP is not
 * served: a client falling back to TCP finds the port closed.
 */
final class RawDnsResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final byte[] response;
    private final boolean copyId;
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread loop;

    RawDnsResponder(byte[] response, boolean copyId) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.response = response.clone();
        this.copyId = copyId;
        this.loop = Thread.ofVirtual().name("raw-dns").start(this::serve);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    int queries() {
        return queries.get();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                queries.incrementAndGet();
                byte[] answer = response.clone();
                if (copyId && answer.length >= 2 && packet.getLength() >= 2) {
                    answer[0] = buffer[0];
                    answer[1] = buffer[1];
                }
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a client gone away
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        loop.join(2_000);
    }
}
