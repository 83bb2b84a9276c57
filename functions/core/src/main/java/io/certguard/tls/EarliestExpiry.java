package io.certguard.tls;

import java.time.Instant;
import java.util.Objects;

/**
 * The certificate on a verified path that expires first, trust anchor included: when it expires, the chain stops
 * working even if the leaf is still valid (AddTrust External CA Root, May 2020).
 *
 * @param subject the certificate's subject name (RFC 2253)
 */
public record EarliestExpiry(Instant notAfter, Role role, String subject) {

    public EarliestExpiry {
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
    }

    /** Where on the path the certificate sits. */
    public enum Role {
        /** The server's own certificate. */
        LEAF,
        /** A served CA certificate between the leaf and the anchor. */
        INTERMEDIATE,
        /** The trusted root the path ends at, whether or not the server sent it. */
        TRUST_ANCHOR
    }
}
