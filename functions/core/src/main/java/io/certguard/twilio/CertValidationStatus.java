package io.certguard.twilio;

import java.util.Locale;

/**
 * The status inside Twilio's {@code cert_in_validation}. Twilio documents only {@code pending}; anything else is kept
 * as {@link #OTHER} with its raw text, and is never taken for success (see ../shared notes §5 and error 30132).
 */
public enum CertValidationStatus {
    /** Twilio is still validating the uploaded certificate. */
    PENDING,
    /** A status Twilio has not documented (for example a failure); the raw text is reported as Twilio gave it. */
    OTHER;

    public static CertValidationStatus parse(String raw) {
        return raw != null && raw.strip().toLowerCase(Locale.ROOT).equals("pending") ? PENDING : OTHER;
    }
}
