package io.certguard.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 server that answers every request with the same raw bytes, however broken, then either closes
 * the connection or, for a stalled answer, holds it open (for at most {@code hold}) so the client's own deadline has
 * to end the exchange. It records each request line. Connections are served one at a time; closing the server ends
 * everything.
 */
final class CannedHttpServer implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final ServerSocket socket;
    private final byte[] response;
    private final Duration hold;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final Thread acceptLoop;

    CannedHttpServer(byte[] response, Duration hold) throws IOException {
        this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.response = response.clone();
        this.hold = hold;
        this.acceptLoop = Thread.ofVirtual().name("canned-http").start(this::serve);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout((int) READ_TIMEOUT.toMillis());
                InputStream in = connection.getInputStream();
                String head = readHead(in);
                requestLines.add(head.lines().findFirst().orElse(""));
                skipBody(in, head);
                OutputStream out = connection.getOutputStream();
                out.write(response);
                out.flush();
                if (!hold.isZero()) {
                    connection.setSoTimeout((int) hold.toMillis());
                    try {
                        while (in.read() != -1) {
                            // wait for the client to give up and close
                        }
                    } catch (SocketTimeoutException e) {
                        // held long enough
                    }
                }
            } catch (IOException e) {
                // the client went away or the server is closing; serve the next connection, if any
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("client closed before sending a request");
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString();
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptLoop.join(READ_TIMEOUT.toMillis());
    }

    /**
     * Turns a corpus {@code .http} file into wire bytes: the lines up to the first blank line are the status line and
     * headers (sent with CRLF), the rest is the body, sent as it is; {@code {{length}}} in a header becomes the body's
     * length in bytes.
     */
    static byte[] wire(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = new String(body(file), StandardCharsets.ISO_8859_1);
        int length = body.length(); // ISO-8859-1: one char per byte
        String crlfHead = head.replace("\r\n", "\n").replace("\n", "\r\n").replace("{{length}}", String.valueOf(length));
        return (crlfHead + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body of a corpus {@code .http} file: everything after the first blank line, byte for byte. */
    static byte[] body(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\n\n");
        return (split < 0 ? "" : text.substring(split + 2)).getBytes(StandardCharsets.ISO_8859_1);
    }
}
