package io.certguard.twilio;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Twilio's JSON resources (schemas in twilio_messaging_v1.json and v2.json; every property nullable) onto
 * certguard's records. A member of the wrong type raises {@link JsonFormatException} naming it.
 */
public final class TwilioResources {

    private TwilioResources() {
    }

    public static DomainCertificate certificate(DomainSid requested, JsonObject json, String apiVersion) {
        return new DomainCertificate(
                domainSid(requested, json),
                json.optionalString("certificate_sid"),
                json.optionalString("domain_name"),
                json.optionalInstant("date_created"),
                json.optionalInstant("date_updated"),
                json.optionalInstant("date_expires"),
                json.optionalBoolean("managed"),
                json.optionalBoolean("requesting"),
                json.raw("cert_in_validation").map(TwilioResources::certInValidation),
                apiVersion);
    }

    public static DomainConfig config(DomainSid requested, JsonObject json) {
        return new DomainConfig(
                domainSid(requested, json),
                json.optionalString("config_sid"),
                json.optionalBoolean("continue_on_failure"),
                json.optionalBoolean("disable_https"),
                json.optionalString("fallback_url"),
                json.optionalString("callback_url"));
    }

    public static DnsValidation dnsValidation(DomainSid requested, JsonObject json) {
        return new DnsValidation(domainSid(requested, json), json.optionalBoolean("is_valid"), json.optionalString("reason"));
    }

    /**
     * {@code cert_in_validation} is untyped in Twilio's schema. The documented shape is an object with {@code status}
     * and {@code date_expires}; any other shape or status is kept as data with status OTHER, never as success.
     */
    static CertInValidation certInValidation(Object raw) {
        if (raw instanceof Map<?, ?> map) {
            JsonObject obj = JsonObject.of(map);
            Object status = obj.raw("status").orElse(null);
            String rawStatus = status instanceof String s ? s
                    : status == null ? "(no status)" : "(non-string status: " + Json.write(status) + ")";
            Optional<Instant> expires;
            try {
                expires = obj.optionalInstant("date_expires");
            } catch (JsonFormatException e) {
                expires = Optional.empty(); // kept in raw; the status is what drives decisions
            }
            return new CertInValidation(CertValidationStatus.parse(status instanceof String s ? s : null), rawStatus,
                    expires, raw);
        }
        if (raw instanceof String s) {
            return new CertInValidation(CertValidationStatus.parse(s), s, Optional.empty(), raw);
        }
        return new CertInValidation(CertValidationStatus.OTHER,
                "(unexpected " + Json.typeName(raw) + ")", Optional.empty(), raw);
    }

    private static DomainSid domainSid(DomainSid requested, JsonObject json) {
        Optional<String> sid = json.optionalString("domain_sid");
        if (sid.isPresent() && !sid.get().equals(requested.value())) {
            throw new JsonFormatException("member \"domain_sid\" is " + sid.get() + " but " + requested + " was requested");
        }
        return requested;
    }
}
