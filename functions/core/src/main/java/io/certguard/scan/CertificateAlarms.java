package io.certguard.scan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The alarms already sent about one certificate (keyed by its identity in {@link DomainState}), so each threshold is
 * announced once per certificate, even when a CDN alternates between an old and a new certificate.
 *
 * @param lowestThresholdSent the smallest threshold announced (30, 14, …), empty when none
 * @param lastExpiredNotice   when the last EXPIRED alarm went out (repeated once a day)
 * @param resolvedSent        a RESOLVED ("renewed") alarm announced this certificate
 */
public record CertificateAlarms(OptionalInt lowestThresholdSent, Optional<Instant> lastExpiredNotice, boolean resolvedSent) {

    public static final CertificateAlarms NONE = new CertificateAlarms(OptionalInt.empty(), Optional.empty(), false);

    public CertificateAlarms {
        Objects.requireNonNull(lowestThresholdSent, "lowestThresholdSent");
        Objects.requireNonNull(lastExpiredNotice, "lastExpiredNotice");
    }

    /** An expiry alarm (threshold or EXPIRED) went out for this certificate. */
    public boolean alarmed() {
        return lowestThresholdSent.isPresent() || lastExpiredNotice.isPresent();
    }

    public CertificateAlarms withThreshold(int days) {
        return new CertificateAlarms(OptionalInt.of(days), lastExpiredNotice, resolvedSent);
    }

    public CertificateAlarms withExpiredNotice(Instant at) {
        return new CertificateAlarms(lowestThresholdSent, Optional.of(at), resolvedSent);
    }

    public CertificateAlarms withResolved() {
        return new CertificateAlarms(lowestThresholdSent, lastExpiredNotice, true);
    }
}
