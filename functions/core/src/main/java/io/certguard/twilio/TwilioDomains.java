package io.certguard.twilio;

import io.certguard.domain.DomainSid;

/**
 * The Link Shortening endpoints certguard uses (Twilio Messaging API v1/v2). Implementations retry what is safe to
 * retry and throw a {@link TwilioException} subtype that tells the caller what it can do.
 */
public interface TwilioDomains {

    /** {@code GET /v2/LinkShortening/Domains/{sid}/Certificate}, falling back to v1 where v2 answers 404. */
    DomainCertificate fetchCertificate(DomainSid domain);

    /** {@code POST /v1/LinkShortening/Domains/{sid}/Certificate} with form field {@code TlsCert}. */
    DomainCertificate uploadCertificate(DomainSid domain, TlsCertPayload tlsCert);

    /** {@code GET /v1/LinkShortening/Domains/{sid}/Config}. */
    DomainConfig fetchConfig(DomainSid domain);

    /** {@code GET /v1/LinkShortening/Domains/{sid}/ValidateDns}. */
    DnsValidation validateDns(DomainSid domain);

    /** {@code POST /v1/LinkShortening/Domains/{sid}/RequestManagedCert}: switch to a Twilio-managed certificate. */
    DomainCertificate requestManagedCertificate(DomainSid domain);
}
