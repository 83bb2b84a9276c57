package io.certguard.scan;

import java.util.Objects;

/**
 * The scan's view of the CAA decision for a domain (RFC 8659): whether Let's Encrypt may issue, with a one-line
 * explanation for the alarm text.
 */
public record CaaStatus(Kind kind, String detail) {

    /** The decision kinds; INDETERMINATE means a DNS error hid the answer, which is never taken as permitted. */
    public enum Kind { PERMITTED, DENIED, INDETERMINATE }

    public CaaStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean blocksLetsEncrypt() {
        return kind != Kind.PERMITTED;
    }
}
