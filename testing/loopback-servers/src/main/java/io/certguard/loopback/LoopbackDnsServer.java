package io.certguard.loopback;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS responder on 127.0.0.1 that answers like a recursive resolver from records configured in code, over UDP and
 * TCP on the same random free port. Names can be scripted to fail ({@link DnsFault}); every question received is
 * recorded ({@link #queries()}). Records and faults may change while it runs.
 *
 * <p>UDP answers larger than the client's advertised EDNS payload (512 octets without EDNS) are truncated with the TC
 * bit, as real servers do, so large CAA values exercise the client's TCP fallback. Packets that do not parse as a DNS
 * query are dropped.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    private static final long TTL = 300;
    private static final int BIND_ATTEMPTS = 20;
    private static final Duration TCP_IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final DnsZone zone = new DnsZone();
    private final DnsResponder responder = new DnsResponder(zone);
    private final List<DnsQuery> queries = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Thread udpLoop;
    private final Thread tcpLoop;
    private volatile boolean closed;

    private LoopbackDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        this.udpLoop = Thread.ofPlatform().daemon().name("loopback-dns-udp-" + udp.getLocalPort())
                .unstarted(this::serveUdp);
        this.tcpLoop = Thread.ofPlatform().daemon().name("loopback-dns-tcp-" + tcp.getLocalPort())
                .unstarted(this::serveTcp);
    }

    /** Binds UDP and TCP on one free port of 127.0.0.1 and starts answering. */
    public static LoopbackDnsServer start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 1; ; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
            } catch (BindException e) {
                // The port is free for UDP but taken for TCP; try another one.
                udp.close();
                tcp.close();
                if (attempt == BIND_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            LoopbackDnsServer server = new LoopbackDnsServer(udp, tcp);
            server.udpLoop.start();
            server.tcpLoop.start();
            return server;
        }
    }

    /** Where to send queries: 127.0.0.1 and the port, the same for UDP and TCP. */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    public LoopbackDnsServer addA(String name, String ipv4) {
        try {
            zone.add(new ARecord(name(name), DClass.IN, TTL, Address.getByAddress(ipv4, Address.IPv4)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + ipv4 + "\" is not an IPv4 address", e);
        }
        return this;
    }

    /**
     * Adds a CAA record. The value may be longer than the 255 octets a zone file's quoted string allows; it is written
     * as raw RDATA, one octet per character.
     */
    public LoopbackDnsServer addCaa(String name, int flags, String tag, String value) {
        if (flags < 0 || flags > 255 || tag.isEmpty() || tag.length() > 255) {
            throw new IllegalArgumentException("flags must be 0 to 255 and the tag 1 to 255 octets");
        }
        if (value.chars().anyMatch(c -> c > 0xff) || tag.chars().anyMatch(c -> c > 0xff)) {
            throw new IllegalArgumentException("tag and value must be one character per octet (U+0000 to U+00FF)");
        }
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        rdata.write(flags);
        rdata.write(tag.length());
        rdata.writeBytes(tag.getBytes(StandardCharsets.ISO_8859_1));
        rdata.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
        zone.add(Record.newRecord(name(name), Type.CAA, DClass.IN, TTL, rdata.toByteArray()));
        return this;
    }

    /** Makes {@code alias} a CNAME for {@code target}; the alias may hold no other record (RFC 1034 §3.6.2). */
    public LoopbackDnsServer addCname(String alias, String target) {
        zone.add(new CNAMERecord(name(alias), DClass.IN, TTL, name(target)));
        return this;
    }

    /** Scripts {@code fault} for every query about {@code name}, whatever its type. */
    public LoopbackDnsServer fault(String name, DnsFault fault) {
        responder.fault(name(name), DnsResponder.ANY_TYPE, fault);
        return this;
    }

    /** Scripts {@code fault} for queries about {@code name} of one type (its mnemonic, e.g. {@code "CAA"}). */
    public LoopbackDnsServer fault(String name, String type, DnsFault fault) {
        int code = Type.value(type);
        if (code < 0) {
            throw new IllegalArgumentException("\"" + type + "\" is not a DNS record type");
        }
        responder.fault(name(name), code, fault);
        return this;
    }

    /** Every question received so far, in arrival order. */
    public List<DnsQuery> queries() {
        return List.copyOf(queries);
    }

    /** The questions received about one name (any case, trailing dot optional). */
    public List<DnsQuery> queriesFor(String name) {
        String wanted = text(name(name));
        return queries.stream().filter(q -> q.name().equals(wanted)).toList();
    }

    /** Stops answering and releases the port; waits briefly for the serving threads to end. */
    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // Closing a listening socket fails only if it is already closed.
        }
        connections.forEach(LoopbackDnsServer::closeQuietly);
        try {
            udpLoop.join(STOP_WAIT);
            tcpLoop.join(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[65_535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                Optional<byte[]> response = handle(query, DnsQuery.Transport.UDP);
                if (response.isPresent()) {
                    udp.send(new DatagramPacket(response.get(), response.get().length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // A send to a client that has gone away; keep serving the others.
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            Socket connection;
            try {
                connection = tcp.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(connection);
            Thread.ofVirtual().name("loopback-dns-tcp-connection").start(() -> serveConnection(connection));
        }
    }

    /** RFC 1035 §4.2.2 (and RFC 7766 §6.2.1): two-octet length prefix, several queries per connection allowed. */
    private void serveConnection(Socket connection) {
        try (connection) {
            connection.setSoTimeout((int) TCP_IDLE_TIMEOUT.toMillis());
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (!closed) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                Optional<byte[]> response = handle(query, DnsQuery.Transport.TCP);
                if (response.isPresent()) {
                    out.writeShort(response.get().length);
                    out.write(response.get());
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The client closed or went idle, the connection broke, or the server is stopping: it ends only itself.
        } finally {
            connections.remove(connection);
        }
    }

    private Optional<byte[]> handle(byte[] wire, DnsQuery.Transport transport) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return Optional.empty();
        }
        Record question = query.getQuestion();
        if (question == null) {
            return Optional.empty();
        }
        queries.add(new DnsQuery(text(question.getName()), Type.string(question.getType()), transport));
        return responder.respond(query, transport);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a DNS name: " + e.getMessage(), e);
        }
    }

    private static String text(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
