package io.certguard.tls;

import java.time.Instant;

/**
 * Reads the certificate a host serves and judges it. Implementations bound every network wait, never throw for a
 * network failure (that is an {@link ProbeOutcome.Unreachable}), and are safe to call from many threads at once.
 */
public interface LiveCertificateProbe {

    /**
     * Connects, completes a TLS handshake sending the target's host as SNI, and verifies the served chain as of
     * {@code now} against the probe's trust anchors and the target's host name.
     */
    ProbeOutcome probe(ProbeTarget target, Instant now);
}
