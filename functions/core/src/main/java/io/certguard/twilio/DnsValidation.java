package io.certguard.twilio;

import io.certguard.domain.DomainSid;
import java.util.Objects;
import java.util.Optional;

/** A domain's ValidateDns result ({@code messaging.v1.domain_dns_validation}). */
public record DnsValidation(DomainSid domainSid, Optional<Boolean> isValid, Optional<String> reason) {

    public DnsValidation {
        Objects.requireNonNull(domainSid, "domainSid");
        Objects.requireNonNull(isValid, "isValid");
        Objects.requireNonNull(reason, "reason");
    }

    /** Valid only when Twilio says so; a missing answer is not taken as valid. */
    public boolean valid() {
        return isValid.orElse(false);
    }
}
