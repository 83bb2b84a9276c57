package io.certguard.loopback;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * One handshake {@link LoopbackTlsServer} completed.
 *
 * @param serverName the SNI host name the client sent (lower case), empty when it sent none
 * @param protocol   negotiated protocol, e.g. {@code TLSv1.3}
 * @param servedLeaf the leaf certificate the server presented
 */
public record RecordedHandshake(Optional<String> serverName, String protocol, String cipherSuite,
        X509Certificate servedLeaf) {

    public RecordedHandshake {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(servedLeaf, "servedLeaf");
    }
}
