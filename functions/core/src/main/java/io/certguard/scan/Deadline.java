package io.certguard.scan;

/**
 * Whether a run may still start new work. The scan handler derives it from Lambda's remaining time with a margin, so
 * a run ends inside its timeout and reports the domains it did not reach instead of being killed mid-write.
 */
@FunctionalInterface
public interface Deadline {

    Deadline NONE = () -> false;

    boolean passed();
}
