package io.certguard.twilio;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Twilio's untyped {@code cert_in_validation} value: a replacement certificate Twilio is still validating. The only
 * documented shape is {@code {"status": "pending", "date_expires": "…"}}; anything else is kept as data.
 *
 * @param status      the parsed status; {@link CertValidationStatus#OTHER} for anything undocumented or missing
 * @param rawStatus   the status exactly as Twilio sent it, or a description when it was not a string
 * @param dateExpires the expiry Twilio reports for the certificate in validation, when present and parseable
 * @param raw         the whole value as parsed by {@link io.certguard.json.Json} (map, string, number, list …), for reports
 */
public record CertInValidation(CertValidationStatus status, String rawStatus, Optional<Instant> dateExpires, Object raw) {

    public CertInValidation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(dateExpires, "dateExpires");
        Objects.requireNonNull(raw, "raw");
    }

    public boolean isPending() {
        return status == CertValidationStatus.PENDING;
    }
}
