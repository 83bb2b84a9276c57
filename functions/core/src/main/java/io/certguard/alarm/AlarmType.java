package io.certguard.alarm;

/**
 * What an alarm is about; published as the {@code alarm_type} message attribute so subscriptions can filter, and
 * with the Twilio error code it corresponds to ({@code error_code}: 30131, 30102, 30132 or none).
 */
public enum AlarmType {
    /** The certificate reached an alarm threshold and the remedy is in hand (Twilio renews, or a replacement is validating). */
    EXPIRING("30131"),
    /** The certificate has expired: shortened links fail (Twilio error 30102). Repeated once a day. */
    EXPIRED("30102"),
    /** Twilio-managed certificate, but the domain's CAA records do not (or cannot be shown to) allow letsencrypt.org. */
    CAA_BLOCKS_RENEWAL("30131"),
    /** Twilio-managed certificate whose renewal request has been in progress for more than a day. */
    RENEWAL_STUCK("30131"),
    /** Customer-managed certificate reached a threshold and no replacement is being validated: upload one. */
    NO_REPLACEMENT("30131"),
    /** The domain serves a different certificate than the one Twilio reports. */
    LIVE_CERT_MISMATCH("none"),
    /** Twilio's ValidateDns says the domain's DNS does not point at Twilio. */
    DNS_INVALID("none"),
    /** ContinueOnFailure is on: on expiry, messages go out with long links (more segments, more cost). */
    CONTINUE_ON_FAILURE("none"),
    /** The domain could not be checked for several runs in a row: the monitor is blind for it. */
    CHECK_FAILED("none"),
    /** A condition alarmed before is over: the certificate was renewed or replaced, or checks work again. */
    RESOLVED("none"),
    /** A replacement bundle was not uploaded: it failed validation, or Twilio refused the POST (30132). */
    UPLOAD_REJECTED("30132"),
    /** Twilio did not accept an uploaded certificate: an undocumented validation status, or it kept the old one (30132). */
    VALIDATION_FAILED("30132"),
    /** Twilio has been validating an upload for longer than allowed; at the hard limit certguard stops following it. */
    VALIDATION_TIMEOUT("none");

    private final String errorCode;

    AlarmType(String errorCode) {
        this.errorCode = errorCode;
    }

    /** The Twilio error code this alarm corresponds to, or {@code none}. */
    public String errorCode() {
        return errorCode;
    }
}
