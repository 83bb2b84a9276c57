package io.certguard.loopback;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the chain to present from the SNI host name of the handshake in progress, falling back to the default chain.
 *
 * <p>Every chain gets its own alias, never reused: JSSE asks for the alias first and for its certificates and key
 * later, so a handshake that chose a chain just before {@link #serve} replaced it still finds a consistent pair.
 * Replaced chains are therefore kept; a test server lives too briefly for that to matter.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private static final String DEFAULT_ALIAS = "default";

    private final Map<String, ServedChain> chainsByAlias = new ConcurrentHashMap<>();
    private final Map<String, String> aliasByHost = new ConcurrentHashMap<>();
    private final AtomicLong aliases = new AtomicLong();

    SniKeyManager(ServedChain defaultChain) {
        chainsByAlias.put(DEFAULT_ALIAS, defaultChain);
    }

    void serve(String host, ServedChain chain) {
        String alias = "chain-" + aliases.incrementAndGet();
        chainsByAlias.put(alias, chain);
        aliasByHost.put(host.toLowerCase(Locale.ROOT), alias);
    }

    /** The SNI host name the client sent in the handshake on {@code socket}, in lower case. */
    static Optional<String> requestedHost(Socket socket) {
        if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() instanceof ExtendedSSLSession session) {
            return requestedHost(session);
        }
        return Optional.empty();
    }

    static Optional<String> requestedHost(ExtendedSSLSession session) {
        return session.getRequestedServerNames().stream()
                .filter(SNIHostName.class::isInstance)
                .map(name -> ((SNIHostName) name).getAsciiName().toLowerCase(Locale.ROOT))
                .findFirst();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        String alias = requestedHost(socket).map(aliasByHost::get).orElse(DEFAULT_ALIAS);
        // JSSE asks once per key type it could use; answer only for the type of this chain's key.
        return keyType.equals(chainsByAlias.get(alias).leaf().getPublicKey().getAlgorithm()) ? alias : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ServedChain chain = chainsByAlias.get(alias);
        return chain == null ? null : chain.certificates().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ServedChain chain = chainsByAlias.get(alias);
        return chain == null ? null : chain.privateKey();
    }

    /** Not consulted by JSSE's server handshake; this manager chooses per connection instead. */
    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    /** A server only: never authenticates as a client. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    /** A server only: never authenticates as a client. */
    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
