package io.certguard.scan;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of deciding one domain: the state to store (without the marks of the alarms, which are applied as each
 * is published) and the alarms to publish, most severe first.
 */
public record ScanDecision(DomainState state, List<ScanAlarm> alarms) {

    public ScanDecision {
        Objects.requireNonNull(state, "state");
        alarms = List.copyOf(alarms);
    }
}
