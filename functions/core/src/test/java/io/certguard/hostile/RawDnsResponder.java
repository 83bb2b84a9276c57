package io.certguard.hostile;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP responder on 127.0.0.1 that answers every datagram with the same hand-made bytes, copying the query's
 * 16-bit ID into the first two bytes (unless told not to) so the answer is taken for the reply it claims to be. For
 * wire-level faults the well-behaved {@link io.certguard.loopback.LoopbackDnsServer} cannot produce. TCP is not
 * served: the same port number is held for TCP and every connection is closed at once, so a client falling back to TCP
 * fails the same way every time (no other process can be listening there and answer something else).
 */
final class RawDnsResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final ServerSocket tcp;
    private final byte[] response;
    private final boolean copyId;
    private final AtomicInteger queries = new AtomicInteger();
    private final Thread loop;

    RawDnsResponder(byte[] response, boolean copyId) throws IOException {
        DatagramSocket udp = null;
        ServerSocket held = null;
        for (int attempt = 0; attempt < 20 && held == null; attempt++) {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try {
                held = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                udp.close(); // that TCP port is someone else's: pick another UDP port
            }
        }
        if (held == null) {
            throw new IOException("no loopback port free for both UDP and TCP after 20 tries");
        }
        this.socket = udp;
        this.tcp = held;
        this.response = response.clone();
        this.copyId = copyId;
        this.loop = Thread.ofVirtual().name("raw-dns").start(this::serve);
        Thread.ofVirtual().name("raw-dns-tcp").start(this::refuseTcp);
    }

    private void refuseTcp() {
        while (!tcp.isClosed()) {
            try {
                tcp.accept().close();
            } catch (IOException e) {
                // closed
            }
        }
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
        try {
            tcp.close();
        } catch (IOException e) {
            // closing a listening socket on loopback does not fail in practice; nothing to release if it does
        }
        loop.join(2_000);
    }
}
