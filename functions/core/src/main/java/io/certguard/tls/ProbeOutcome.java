package io.certguard.tls;

import java.util.Objects;

/** What probing a host gave: its live certificate, or why no TLS handshake took place. */
public sealed interface ProbeOutcome {

    /** The handshake completed; the certificate may still be expired, untrusted or for another host. */
    record Reached(LiveCertificate certificate) implements ProbeOutcome {
        public Reached {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * No handshake: the host could not be checked this time, which is itself worth reporting.
     *
     * @param message what failed, with the host, address and port concerned
     */
    record Unreachable(Kind kind, String message) implements ProbeOutcome {
        public Unreachable {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        /** The step that failed. */
        public enum Kind {
            /** The host name did not resolve. */
            DNS,
            /** The TCP connection failed: refused, no route, reset. */
            CONNECT,
            /** The TCP connect or the TLS handshake did not finish in time. */
            TIMEOUT,
            /**
             * The TLS handshake failed: not TLS on that port, no common protocol or cipher suite, an alert, or the
             * connection dropped.
             */
            HANDSHAKE
        }
    }
}
