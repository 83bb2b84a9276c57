package io.certguard.loopback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** A bare JSSE client that accepts any chain (these tests look at what is served, not whether it is good). */
final class TrustingClient {

    /** What the client saw in one handshake. */
    record Seen(List<X509Certificate> chain, String protocol) {
        X509Certificate leaf() {
            return chain.get(0);
        }
    }

    /** One context for all calls: sessions kept by one call can be resumed by the next to the same host and port. */
    private static final SSLContext CONTEXT = trustingContext();

    private TrustingClient() {
    }

    /** Connects, sends {@code sni} (or no SNI), completes a full handshake and closes, leaving nothing to resume. */
    static Seen handshake(LoopbackTlsServer server, Optional<String> sni) throws IOException {
        return handshake(server, sni, false);
    }

    /** Like {@link #handshake} but keeps the session for the next call to resume (TLS 1.2 only: it reads no ticket). */
    static Seen handshakeKeepingSession(LoopbackTlsServer server, Optional<String> sni) throws IOException {
        return handshake(server, sni, true);
    }

    private static Seen handshake(LoopbackTlsServer server, Optional<String> sni, boolean keepSession)
            throws IOException {
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress(server.address(), server.port()), 5_000);
        raw.setSoTimeout(10_000);
        try (SSLSocket socket = (SSLSocket) CONTEXT.getSocketFactory().createSocket(raw, sni.orElse(null),
                server.port(), true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(sni.<List<SNIServerName>>map(name -> List.of(new SNIHostName(name)))
                    .orElse(List.of()));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            SSLSession session = socket.getSession();
            if (!keepSession) {
                session.invalidate();
            }
            return new Seen(Arrays.stream(session.getPeerCertificates()).map(X509Certificate.class::cast).toList(),
                    session.getProtocol());
        }
    }

    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAll()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
