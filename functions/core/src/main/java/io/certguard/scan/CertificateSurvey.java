package io.certguard.scan;

import io.certguard.domain.MonitoredDomain;
import io.certguard.twilio.DomainCertificate;
import io.certguard.twilio.TwilioDomains;
import io.certguard.twilio.TwilioException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads every configured domain's certificate from Twilio and reports the days left. This is the first step of the
 * scan; live TLS, CAA, DNS validation and alarms build on it.
 */
public final class CertificateSurvey {

    private final TwilioDomains twilio;

    public CertificateSurvey(TwilioDomains twilio) {
        this.twilio = Objects.requireNonNull(twilio, "twilio");
    }

    public List<DomainReading> survey(List<MonitoredDomain> domains, Instant now) {
        List<DomainReading> readings = new ArrayList<>(domains.size());
        for (MonitoredDomain domain : domains) {
            readings.add(read(domain, now));
        }
        return readings;
    }

    private DomainReading read(MonitoredDomain domain, Instant now) {
        DomainCertificate certificate;
        try {
            certificate = twilio.fetchCertificate(domain.sid());
        } catch (TwilioException e) {
            return new DomainReading.Failed(domain.sid(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Optional<Long> daysLeft = certificate.dateExpires().map(expires -> daysBetween(now, expires));
        return new DomainReading.Read(domain.sid(), domain.host().or(certificate::hostname), certificate.dateExpires(),
                daysLeft, certificate.managed(), certificate.certInValidation().isPresent());
    }

    /** Whole days from {@code now} to {@code expires}, rounded toward negative infinity (so an expired cert is < 0). */
    static long daysBetween(Instant now, Instant expires) {
        return Math.floorDiv(Duration.between(now, expires).getSeconds(), Duration.ofDays(1).getSeconds());
    }
}
