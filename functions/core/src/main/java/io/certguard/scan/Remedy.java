package io.certguard.scan;

/** What the people responsible for a domain should do, chosen from the domain's state (issue: "which remedy applies"). */
public enum Remedy {
    /** Customer-managed and nothing in validation: obtain a renewed certificate and upload it (Twilio error 30131 page). */
    UPLOAD_REPLACEMENT,
    /** Twilio-managed, and CAA denies (or cannot be shown to allow) letsencrypt.org: add a CAA issue record for it. */
    ALLOW_LETSENCRYPT_IN_CAA,
    /** Twilio-managed, and its renewal request has been pending for more than a day: contact Twilio support. */
    RENEWAL_STUCK,
    /** A replacement is being validated by Twilio: wait for it (certguard follows it). */
    VALIDATION_IN_PROGRESS,
    /** Twilio-managed and nothing blocks renewal: Twilio renews it; certguard keeps watching. */
    TWILIO_RENEWS
}
