package io.certguard.alarm;

/** How urgent an alarm is; published as the {@code severity} message attribute. */
public enum Severity {
    /** For the record: advisories and resolutions. */
    INFO,
    /** Act within days. */
    WARNING,
    /** Act now: expired, or a week or less left. */
    CRITICAL
}
