package io.certguard.scan;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An alarm the scan decided to send, with the facts its message is rendered from and the mark to record once it is
 * published.
 *
 * @param threshold        the threshold reached, for expiry alarms
 * @param previousExpires  for RESOLVED after a renewal: the old certificate's expiry
 */
public record ScanAlarm(AlarmType type, Severity severity, DomainObservation observation, Remedy remedy,
        Optional<Instant> expires, Optional<Long> daysLeft, OptionalInt threshold, Optional<Instant> previousExpires,
        int consecutiveFailures, StateMark mark) {

    /** The alarm types a scan raises. */
    public static final java.util.Set<AlarmType> TYPES = java.util.EnumSet.of(AlarmType.EXPIRING, AlarmType.EXPIRED,
            AlarmType.CAA_BLOCKS_RENEWAL, AlarmType.RENEWAL_STUCK, AlarmType.NO_REPLACEMENT, AlarmType.LIVE_CERT_MISMATCH,
            AlarmType.DNS_INVALID, AlarmType.CONTINUE_ON_FAILURE, AlarmType.CHECK_FAILED, AlarmType.RESOLVED);

    public ScanAlarm {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(type + " is not a scan alarm type");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(daysLeft, "daysLeft");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(previousExpires, "previousExpires");
        Objects.requireNonNull(mark, "mark");
    }
}
