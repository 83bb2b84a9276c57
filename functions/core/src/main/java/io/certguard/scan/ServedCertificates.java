package io.certguard.scan;

import java.time.Instant;

/** Reads what a host serves over TLS (SNI), even when the certificate is expired or untrusted. */
public interface ServedCertificates {

    /**
     * @param now the instant the served chain is verified at
     * @throws CheckException when the host cannot be reached or no handshake completes (the message says which)
     */
    LiveStatus probe(String host, int port, Instant now);
}
