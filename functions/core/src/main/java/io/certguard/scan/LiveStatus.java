package io.certguard.scan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The scan's view of what the domain serves over TLS: the leaf's expiry and fingerprint, whether the chain verified
 * (and if not, why), read even when the certificate is expired or untrusted.
 */
public record LiveStatus(Instant leafNotAfter, String leafFingerprintSha256, boolean verified,
        Optional<String> verificationError, Optional<Instant> earliestChainExpiry, String tlsVersion) {

    public LiveStatus {
        Objects.requireNonNull(leafNotAfter, "leafNotAfter");
        Objects.requireNonNull(leafFingerprintSha256, "leafFingerprintSha256");
        Objects.requireNonNull(verificationError, "verificationError");
        Objects.requireNonNull(earliestChainExpiry, "earliestChainExpiry");
        Objects.requireNonNull(tlsVersion, "tlsVersion");
    }
}
