package io.certguard.simulator;

import io.certguard.domain.DomainSid;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Link Shortening domain as the simulator starts it. Build with {@link #of(DomainSid, String)} and the
 * {@code with…} methods; {@link TwilioSimulator#addDomain(SimulatedDomain)} installs it.
 *
 * @param sid                the domain SID ({@code DN…})
 * @param hostname           the bare host name; the API reports it with a scheme, as Twilio's example
 *                           {@code "domain_name": "https://api.example.com"} does
 * @param certificateExpires notAfter of the live certificate; empty for a domain with no certificate yet, whose first
 *                           upload is answered 201 (the spec's "create" example)
 * @param managed            Twilio-managed certificate (v2 {@code managed})
 * @param requesting         a managed-certificate request is in progress (v2 {@code requesting})
 * @param continueOnFailure  Config {@code continue_on_failure}
 * @param dnsValid           ValidateDns {@code is_valid}
 * @param dnsReason          ValidateDns {@code reason} (Twilio's example sends "" when valid)
 * @param validationPlan     how uploads to this domain are validated
 */
public record SimulatedDomain(
        DomainSid sid,
        String hostname,
        Optional<Instant> certificateExpires,
        boolean managed,
        boolean requesting,
        boolean continueOnFailure,
        boolean dnsValid,
        String dnsReason,
        ValidationPlan validationPlan) {

    private static final Pattern HOSTNAME = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");

    /** Pending for one GET, then promoted: the shortest run of Twilio's documented flow. */
    public static final ValidationPlan DEFAULT_VALIDATION = ValidationPlan.afterReads(1, ValidationOutcome.PROMOTE);

    public SimulatedDomain {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(certificateExpires, "certificateExpires");
        Objects.requireNonNull(dnsReason, "dnsReason");
        Objects.requireNonNull(validationPlan, "validationPlan");
        hostname = hostname.toLowerCase(Locale.ROOT);
        if (!HOSTNAME.matcher(hostname).matches()) {
            throw new IllegalArgumentException("hostname must be a bare DNS name such as links.example.com: \"" + hostname + "\"");
        }
    }

    /** A customer-managed domain without a certificate, valid DNS and the {@link #DEFAULT_VALIDATION}. */
    public static SimulatedDomain of(DomainSid sid, String hostname) {
        return new SimulatedDomain(sid, hostname, Optional.empty(), false, false, false, true, "", DEFAULT_VALIDATION);
    }

    public SimulatedDomain withCertificateExpiring(Instant notAfter) {
        return new SimulatedDomain(sid, hostname, Optional.of(notAfter), managed, requesting, continueOnFailure, dnsValid,
                dnsReason, validationPlan);
    }

    /**
     * A live certificate whose notAfter is that of the first certificate in {@code pem} (a private key may follow and is
     * ignored).
     *
     * @throws IllegalArgumentException when {@code pem} holds no readable certificate
     */
    public SimulatedDomain withCertificatePem(String pem) {
        try {
            return withCertificateExpiring(TlsCertBundle.certificates(pem).getFirst().getNotAfter().toInstant());
        } catch (TlsCertBundle.InvalidTlsCertException e) {
            throw new IllegalArgumentException("certificate PEM for " + sid + ": " + e.getMessage(), e);
        }
    }

    public SimulatedDomain withManaged(boolean isManaged, boolean isRequesting) {
        return new SimulatedDomain(sid, hostname, certificateExpires, isManaged, isRequesting, continueOnFailure, dnsValid,
                dnsReason, validationPlan);
    }

    public SimulatedDomain withContinueOnFailure(boolean continues) {
        return new SimulatedDomain(sid, hostname, certificateExpires, managed, requesting, continues, dnsValid, dnsReason,
                validationPlan);
    }

    public SimulatedDomain withDns(boolean valid, String reason) {
        return new SimulatedDomain(sid, hostname, certificateExpires, managed, requesting, continueOnFailure, valid, reason,
                validationPlan);
    }

    public SimulatedDomain withValidationPlan(ValidationPlan plan) {
        return new SimulatedDomain(sid, hostname, certificateExpires, managed, requesting, continueOnFailure, dnsValid,
                dnsReason, plan);
    }
}
