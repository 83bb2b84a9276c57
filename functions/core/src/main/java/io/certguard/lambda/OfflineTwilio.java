package io.certguard.lambda;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.twilio.DnsValidation;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.DomainConfig;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.twilio.TwilioDomains;
import io.certguard.twilio.TwilioResources;
import java.time.Instant;

/**
 * Twilio's Link Shortening answers for priming: fixed JSON documents of the shape Twilio sends, parsed by the same
 * code as real responses ({@link TwilioResources}). Nothing is sent; an upload or a managed-certificate request
 * answers the certificate as it stands.
 */
public final class OfflineTwilio implements TwilioDomains {

    private final Instant expires;

    /** A customer-managed certificate expiring at {@code expires}. */
    public OfflineTwilio(Instant expires) {
        this.expires = expires;
    }

    @Override
    public DomainCertificate fetchCertificate(DomainSid domain) {
        return TwilioResources.certificate(domain, Json.parseObject("{\"domain_sid\":\"" + domain + "\","
                + "\"certificate_sid\":\"CW" + "0".repeat(32) + "\",\"domain_name\":\"" + CommonPriming.HOST + "\","
                + "\"date_created\":\"" + expires.minusSeconds(86_400L * 90) + "\",\"date_updated\":null,"
                + "\"date_expires\":\"" + expires + "\",\"managed\":false,\"requesting\":false,"
                + "\"cert_in_validation\":null}"), "v2");
    }

    @Override
    public DomainCertificate uploadCertificate(DomainSid domain, TlsCertPayload tlsCert) {
        return fetchCertificate(domain);
    }

    @Override
    public DomainConfig fetchConfig(DomainSid domain) {
        return TwilioResources.config(domain, Json.parseObject("{\"domain_sid\":\"" + domain + "\",\"config_sid\":\"ZK"
                + "0".repeat(32) + "\",\"continue_on_failure\":false,\"disable_https\":false,\"fallback_url\":null,"
                + "\"callback_url\":null}"));
    }

    @Override
    public DnsValidation validateDns(DomainSid domain) {
        return TwilioResources.dnsValidation(domain, Json.parseObject("{\"domain_sid\":\"" + domain + "\","
                + "\"is_valid\":true,\"reason\":null}"));
    }

    @Override
    public DomainCertificate requestManagedCertificate(DomainSid domain) {
        return fetchCertificate(domain);
    }
}
