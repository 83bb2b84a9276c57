package io.certguard.adapter.tls;

import io.certguard.tls.ChainVerifier;
import io.certguard.tls.LiveCertificate;
import io.certguard.tls.LiveCertificateProbe;
import io.certguard.tls.ProbeOutcome;
import io.certguard.tls.ProbeOutcome.Reached;
import io.certguard.tls.ProbeOutcome.Unreachable;
import io.certguard.tls.ProbeOutcome.Unreachable.Kind;
import io.certguard.tls.ProbeTarget;
import io.certguard.tls.TrustAnchors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Probes a host over JSSE: TCP connect, a TLS handshake that accepts whatever chain the server sends (so an expired,
 * untrusted or misnamed certificate still yields its dates), then verification of that chain by
 * {@link ChainVerifier} once the connection is closed. Nothing is sent after the handshake.
 *
 * <ul>
 *   <li>Every wait is bounded: the connect by {@link ProbeTimeouts#connect()}; the handshake by
 *       {@link ProbeTimeouts#handshake()} for each read and, through {@link SocketDeadline}, for all of them together.
 *   <li>Each probe is a full handshake: the session is invalidated before the connection closes, so the next probe of
 *       the same host cannot resume it and is shown the certificate the server presents now (the validation poll
 *       watches for a host to switch certificates).
 *   <li>The TLS context, the trust anchors and their index are built once; a probe allocates only its socket.
 *       Thread-safe: any number of probes may run at once.
 * </ul>
 */
public final class JsseTlsProbe implements LiveCertificateProbe {

    private final ProbeTimeouts timeouts;
    private final ChainVerifier verifier;
    private final AddressResolver resolver;
    private final SSLSocketFactory sockets;

    public JsseTlsProbe(ProbeTimeouts timeouts, TrustAnchors anchors, AddressResolver resolver) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.verifier = new ChainVerifier(Objects.requireNonNull(anchors, "anchors"));
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAnyServerTrustManager()}, null);
            this.sockets = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up a TLS client: " + e.getMessage(), e);
        }
    }

    /** What production uses: the JDK's trust store and the system resolver. */
    public static JsseTlsProbe withJdkTrustStore(ProbeTimeouts timeouts) {
        return new JsseTlsProbe(timeouts, TrustAnchors.jdkDefault(), AddressResolver.system());
    }

    @Override
    public ProbeOutcome probe(ProbeTarget target, Instant now) {
        InetAddress address;
        try {
            address = target.connectAddress().isPresent() ? target.connectAddress().get()
                    : resolver.resolve(target.host());
        } catch (UnknownHostException e) {
            return new Unreachable(Kind.DNS, "cannot resolve " + target.host() + ": " + e.getMessage());
        }
        return probe(target, new InetSocketAddress(address, target.port()), now);
    }

    private ProbeOutcome probe(ProbeTarget target, InetSocketAddress address, Instant now) {
        String where = target.host() + " (" + address.getAddress().getHostAddress() + " port " + target.port() + ")";
        Served served;
        Socket socket = new Socket();
        try {
            try {
                socket.connect(address, timeouts.connectMillis());
            } catch (SocketTimeoutException e) {
                return new Unreachable(Kind.TIMEOUT,
                        "TCP connect to " + where + " did not complete within " + timeouts.connectMillis() + " ms");
            } catch (IOException e) {
                return new Unreachable(Kind.CONNECT, "cannot connect to " + where + ": " + e.getMessage());
            }
            SocketDeadline deadline = SocketDeadline.arm(socket, timeouts.handshake());
            try {
                served = handshake(socket, target);
            } catch (IOException e) {
                return deadline.expired() || e instanceof SocketTimeoutException
                        ? new Unreachable(Kind.TIMEOUT, "TLS handshake with " + where + " did not complete within "
                                + timeouts.handshakeMillis() + " ms")
                        : new Unreachable(Kind.HANDSHAKE, "TLS handshake with " + where + " failed: " + e.getMessage());
            } finally {
                deadline.close();
            }
        } finally {
            closeQuietly(socket);
        }
        return new Reached(LiveCertificate.of(served.chain(), served.protocol(), served.cipherSuite(),
                verifier.verify(served.chain(), target.host(), now)));
    }

    /** Shakes hands over the connected {@code socket} and reads what the server presented. */
    private Served handshake(Socket socket, ProbeTarget target) throws IOException {
        socket.setSoTimeout(timeouts.handshakeMillis());
        SSLSocket tls = (SSLSocket) sockets.createSocket(socket, target.host(), target.port(), true);
        try {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setServerNames(target.serverName()
                    .<List<SNIServerName>>map(name -> List.of(new SNIHostName(name)))
                    .orElse(List.of()));
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            SSLSession session = tls.getSession();
            Served served = new Served(x509(session.getPeerCertificates()), session.getProtocol(),
                    session.getCipherSuite());
            // Out of the client session cache: the next probe of this host must see what the server presents then.
            session.invalidate();
            return served;
        } finally {
            closeQuietly(tls);
        }
    }

    private static List<X509Certificate> x509(Certificate[] chain) {
        return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // The probe has what it came for, or has already failed for a better reason.
        }
    }

    /** What one handshake showed: the chain as sent (leaf first) and the negotiated parameters. */
    private record Served(List<X509Certificate> chain, String protocol, String cipherSuite) {
    }
}
