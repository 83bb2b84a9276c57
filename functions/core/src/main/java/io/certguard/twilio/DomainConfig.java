package io.certguard.twilio;

import io.certguard.domain.DomainSid;
import java.util.Objects;
import java.util.Optional;

/** A domain's Config subresource ({@code messaging.v1.domain_config}); only what certguard reads. */
public record DomainConfig(
        DomainSid domainSid,
        Optional<String> configSid,
        Optional<Boolean> continueOnFailure,
        Optional<Boolean> disableHttps,
        Optional<String> fallbackUrl,
        Optional<String> callbackUrl) {

    public DomainConfig {
        Objects.requireNonNull(domainSid, "domainSid");
        Objects.requireNonNull(configSid, "configSid");
        Objects.requireNonNull(continueOnFailure, "continueOnFailure");
        Objects.requireNonNull(disableHttps, "disableHttps");
        Objects.requireNonNull(fallbackUrl, "fallbackUrl");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }

    /** Twilio sends the original long links when shortening fails (error 30103), so expiry costs more segments. */
    public boolean continuesOnFailure() {
        return continueOnFailure.orElse(false);
    }
}
