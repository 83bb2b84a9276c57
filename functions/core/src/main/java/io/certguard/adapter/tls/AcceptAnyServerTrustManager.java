package io.certguard.adapter.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets every server chain through the handshake so that it can be read even when it is expired, untrusted or for
 * another host; {@link io.certguard.tls.ChainVerifier} judges it afterwards. Safe only because a probe sends nothing
 * over the connection: it shakes hands, reads the session and closes.
 *
 * <p>It extends {@link X509ExtendedTrustManager} on purpose: JSSE wraps a plain {@code X509TrustManager} in checks of
 * its own (algorithm constraints, endpoint identification) that would abort the handshake before the chain is read.
 */
final class AcceptAnyServerTrustManager extends X509ExtendedTrustManager {

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
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw notAServer();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw notAServer();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw notAServer();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private static CertificateException notAServer() {
        return new CertificateException("a probe is a client; it never authenticates clients");
    }
}
