package io.certguard.twilio;

import io.certguard.domain.DomainSid;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's Certificate subresource ({@code messaging.v2.domain_cert_v4}, or v1 where v2 is not served). Every field
 * is nullable in Twilio's schema, hence the optionals.
 *
 * @param managed          v2 only: Twilio-managed (Let's Encrypt) rather than uploaded; empty when read through v1
 * @param requesting       v2 only: a managed certificate request is in progress
 * @param certInValidation a replacement under validation; empty when Twilio reports {@code null}
 * @param apiVersion       which API version answered ({@code v1} or {@code v2})
 */
public record DomainCertificate(
        DomainSid domainSid,
        Optional<String> certificateSid,
        Optional<String> domainName,
        Optional<Instant> dateCreated,
        Optional<Instant> dateUpdated,
        Optional<Instant> dateExpires,
        Optional<Boolean> managed,
        Optional<Boolean> requesting,
        Optional<CertInValidation> certInValidation,
        String apiVersion) {

    public DomainCertificate {
        Objects.requireNonNull(domainSid, "domainSid");
        Objects.requireNonNull(certificateSid, "certificateSid");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(dateCreated, "dateCreated");
        Objects.requireNonNull(dateUpdated, "dateUpdated");
        Objects.requireNonNull(dateExpires, "dateExpires");
        Objects.requireNonNull(managed, "managed");
        Objects.requireNonNull(requesting, "requesting");
        Objects.requireNonNull(certInValidation, "certInValidation");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    /**
     * The host name of {@code domain_name}. Twilio's example includes the scheme ({@code https://api.example.com}), so
     * a scheme, path and port are stripped.
     */
    public Optional<String> hostname() {
        return domainName.map(DomainCertificate::hostOf).filter(h -> !h.isEmpty());
    }

    static String hostOf(String domainName) {
        String s = domainName.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = s.length();
        for (char c : new char[] {'/', ':', '?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return s.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }
}
