package io.certguard.scan;

import io.certguard.domain.DomainSid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one domain fared in a run.
 *
 * @param outcome          checked (every part read), failed (some part could not be read) or not reached (the run's
 *                         deadline came first)
 * @param alarmsPublished  alarms that went out
 * @param alarmsPending    alarms decided but not published (they go out on the next run)
 */
public record DomainResult(DomainSid sid, String host, Outcome outcome, Optional<Long> daysLeft,
        Optional<DomainObservation> observation, int alarmsPublished, int alarmsPending, List<CheckFailure> failures) {

    /** How far the check of a domain got. */
    public enum Outcome { CHECKED, FAILED, NOT_REACHED }

    public DomainResult {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(daysLeft, "daysLeft");
        Objects.requireNonNull(observation, "observation");
        failures = List.copyOf(failures);
    }
}
