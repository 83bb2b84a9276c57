package io.certguard.scan;

import io.certguard.domain.DomainSid;
import io.certguard.twilio.DomainCertificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one scan run learned about one domain. A part that could not be read is empty and named in
 * {@link #failures()}; decisions never treat a missing part as good news.
 *
 * @param host             the host probed (from the configuration or Twilio's domain_name)
 * @param certificate      Twilio's Certificate resource
 * @param continueOnFailure Twilio's Config {@code continue_on_failure}
 * @param dnsValid         Twilio's ValidateDns {@code is_valid}, with {@code reason} in {@code dnsReason}
 * @param live             what the host serves
 * @param caa              the CAA decision for Let's Encrypt
 * @param uploadInFlight   certguard's own records show an upload being validated (the validation poll's records)
 */
public record DomainObservation(
        DomainSid sid,
        String host,
        Optional<DomainCertificate> certificate,
        Optional<Boolean> continueOnFailure,
        Optional<Boolean> dnsValid,
        Optional<String> dnsReason,
        Optional<LiveStatus> live,
        Optional<CaaStatus> caa,
        boolean uploadInFlight,
        List<CheckFailure> failures) {

    public DomainObservation {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(continueOnFailure, "continueOnFailure");
        Objects.requireNonNull(dnsValid, "dnsValid");
        Objects.requireNonNull(dnsReason, "dnsReason");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(caa, "caa");
        failures = List.copyOf(failures);
    }

    public boolean managed() {
        return certificate.flatMap(DomainCertificate::managed).orElse(false);
    }

    /** A replacement is being validated, by Twilio's account ({@code cert_in_validation}) or by certguard's records. */
    public boolean replacementInValidation() {
        return uploadInFlight || certificate.flatMap(DomainCertificate::certInValidation).isPresent();
    }

    public boolean failed() {
        return !failures.isEmpty();
    }
}
