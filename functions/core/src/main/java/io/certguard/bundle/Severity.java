package io.certguard.bundle;

/** How much a finding matters to the upload. */
public enum Severity {
    /** Twilio would refuse the bundle, or serving it would break clients: certguard does not upload it. */
    ERROR,
    /** Uploadable, but worth a person's attention. */
    WARNING,
    /** What certguard changed while normalizing the bundle. */
    INFO
}
