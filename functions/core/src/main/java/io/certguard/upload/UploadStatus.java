package io.certguard.upload;

/**
 * Where an upload stands, from the moment a bundle version is claimed to a certificate served on the domain. The
 * validation poll follows the statuses that {@link #polled()}; every other status is final.
 */
public enum UploadStatus {
    /** Claimed by an upload run (idempotency): work in progress; a stale claim expires and may be taken over. */
    IN_PROGRESS(false),
    /** The bundle failed validation; nothing was sent to Twilio (UPLOAD_REJECTED). */
    REJECTED(false),
    /** Twilio refused the POST (4xx); its code and message are recorded (UPLOAD_REJECTED). */
    REJECTED_BY_API(false),
    /** Twilio already had this certificate (same leaf and expiry): recorded, nothing posted. */
    ALREADY_PRESENT(false),
    /** Posted; Twilio is validating it ({@code cert_in_validation} present). */
    VALIDATING(true),
    /** Twilio validated it ({@code cert_in_validation} null, {@code date_expires} is the new leaf's); awaiting the host. */
    VALIDATED(true),
    /** The host serves the new leaf: done (RESOLVED). */
    LIVE(false),
    /** Twilio reported a validation status other than pending (VALIDATION_FAILED, 30132). */
    FAILED(false),
    /** Twilio cleared {@code cert_in_validation} but kept the old certificate: it dropped the upload (30132). */
    REJECTED_BY_TWILIO(false),
    /** Validated, but the host still served another certificate after the grace period (LIVE_CERT_MISMATCH). */
    LIVE_MISMATCH(false),
    /** Still pending at the hard limit (24 h by default): certguard gave up following it (CRITICAL). */
    GAVE_UP(false);

    private final boolean polled;

    UploadStatus(boolean polled) {
        this.polled = polled;
    }

    /** The validation poll follows uploads in this status (they sit in the poll index). */
    public boolean polled() {
        return polled;
    }
}
