package io.certguard.tls;

import java.util.Objects;

/**
 * Why a served chain is not good for its host, with a message that names the certificate concerned.
 *
 * @param message starts with the kind in words ({@code expired: …}, {@code hostname mismatch: …}) so it reads well
 *                on its own in an alarm or a log line
 */
public record VerificationProblem(Kind kind, String message) {

    public VerificationProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** What went wrong, coarsely, for code that reacts differently to each. */
    public enum Kind {
        /** A certificate on the path is past its notAfter. */
        EXPIRED,
        /** A certificate on the path is before its notBefore. */
        NOT_YET_VALID,
        /**
         * The path ends at a self-signed certificate that is not trusted, or names a trusted root as issuer without
         * being signed by that root's key.
         */
        UNTRUSTED_ISSUER,
        /** An issuer's certificate was neither served nor trusted: typically the server omits its intermediate. */
        INCOMPLETE_CHAIN,
        /** PKIX rejected the path for another reason (CA constraints, key usage, weak algorithm, bad signature). */
        INVALID_CHAIN,
        /** The leaf does not name the host (RFC 6125). */
        HOSTNAME_MISMATCH
    }
}
