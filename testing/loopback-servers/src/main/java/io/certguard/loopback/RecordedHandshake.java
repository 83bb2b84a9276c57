package io.certguard.loopback;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * One handshake {@link LoopbackTlsServer} completed.
 *
 * @param serverName the SNI host name the client sent (lower case), empty when it sent none
 * @param protocol   negotiated protocol, e.g. {@code TLSv1.3}
 * @param servedLeaf the leaf certificate the server presented (for a resumed session: the one it presented then)
 * @param resumed    the client resumed an earlier session instead of a full handshake, so no certificate was sent
 */
public record RecordedHandshake(Optional<String> serverName, String protocol, String cipherSuite,
        X509Certificate servedLeaf, boolean resumed) {

    public RecordedHandshake {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(servedLeaf, "servedLeaf");
    }
}
