package io.certguard.upload;

import io.certguard.expiry.AlarmThresholds;
import java.time.Duration;
import java.util.Objects;

/**
 * How uploads are run.
 *
 * @param certificateSecretPrefix only secrets whose name starts with this are uploaded (template parameter
 *                                {@code CertificateSecretPrefix})
 * @param thresholds              the alarm thresholds: the first is EXPIRES_SOON's horizon, and a current certificate
 *                                within them makes a rejection CRITICAL
 * @param claimLease              how long a run owns a version it claimed: well beyond one upload run (a describe, a
 *                                read, Twilio's GET and POST, each bounded by the client's retry budget), short
 *                                enough that a run killed mid-upload blocks its version only briefly (5 minutes)
 * @param firstPoll               when the validation poll first looks at a new upload, after the POST
 */
public record UploadSettings(String certificateSecretPrefix, AlarmThresholds thresholds, Duration claimLease,
        Duration firstPoll) {

    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    public UploadSettings {
        Objects.requireNonNull(certificateSecretPrefix, "certificateSecretPrefix");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(claimLease, "claimLease");
        Objects.requireNonNull(firstPoll, "firstPoll");
        if (!claimLease.isPositive() || firstPoll.isNegative()) {
            throw new IllegalArgumentException("the claim lease must be positive and the first poll not negative");
        }
    }

    public static UploadSettings of(String certificateSecretPrefix, AlarmThresholds thresholds, Duration firstPoll) {
        return new UploadSettings(certificateSecretPrefix, thresholds, DEFAULT_LEASE, firstPoll);
    }

    /** Whether a secret of this name may be uploaded (and, for rotation, staged). */
    public boolean covers(String secretName) {
        return secretName.startsWith(certificateSecretPrefix);
    }
}
