package io.certguard.scan;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import io.certguard.expiry.ExpiryAssessment;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.twilio.DomainCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides, from what a domain's state remembers and what this run observed, which alarms are new. Pure and
 * deterministic: "now" is a parameter. De-duplication keys on the certificate (Twilio's certificate SID and expiry),
 * not on "changed since the last run", so a CDN alternating between two certificates cannot cause a storm.
 */
public final class ScanPolicy {

    /** Consecutive failed runs before CHECK_FAILED (the monitor must not go blind quietly). */
    public static final int FAILED_RUNS_BEFORE_ALARM = 3;
    /** EXPIRED is repeated at most this often (Twilio error 30102: links are failing). */
    public static final Duration EXPIRED_REMINDER = Duration.ofDays(1);
    /** A managed-certificate request pending longer than this is stuck. */
    public static final Duration REQUEST_STUCK_AFTER = Duration.ofDays(1);
    /** Live and API expiries further apart than this mean the host serves another certificate. */
    public static final Duration LIVE_MISMATCH_TOLERANCE = Duration.ofDays(1);
    /** Thresholds at or below this many days are CRITICAL. */
    public static final int CRITICAL_DAYS = 7;

    private final ExpiryPolicy expiry;

    public ScanPolicy(ExpiryPolicy expiry) {
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    public ExpiryPolicy expiry() {
        return expiry;
    }

    public ScanDecision decide(DomainState prior, DomainObservation observation, Instant now) {
        List<ScanAlarm> alarms = new ArrayList<>();
        DomainState state = prior;
        Optional<DomainCertificate> certificate = observation.certificate();
        Optional<ExpiryAssessment> assessment = certificate.flatMap(DomainCertificate::dateExpires)
                .map(expires -> expiry.assess(expires, now));
        state = state.withRequestingSince(requestingSince(prior, certificate, now));
        Remedy remedy = remedy(observation, state, now);

        if (assessment.isPresent()) {
            String identity = identity(certificate.get());
            state = renewal(state, identity, observation, assessment.get(), remedy, alarms);
            expiryAlarms(state, identity, observation, assessment.get(), remedy, now, alarms);
            conditionAlarms(state, identity, observation, assessment.get(), remedy, now, alarms);
        }
        state = dnsAndAdvisories(state, observation, assessment, remedy, now, alarms);
        state = failures(state, observation, assessment, remedy, alarms);
        alarms.sort(Comparator.comparing(ScanAlarm::severity).reversed());
        return new ScanDecision(state, alarms);
    }

    /** A certificate's identity: Twilio's certificate SID and its expiry (a renewal may keep the SID). */
    public static String identity(DomainCertificate certificate) {
        return certificate.certificateSid().orElse("CW?") + "@" + certificate.dateExpires().map(Instant::toString).orElse("?");
    }

    static Remedy remedy(DomainObservation observation, DomainState state, Instant now) {
        if (observation.replacementInValidation()) {
            return Remedy.VALIDATION_IN_PROGRESS;
        }
        if (!observation.managed()) {
            return Remedy.UPLOAD_REPLACEMENT;
        }
        if (observation.caa().map(CaaStatus::blocksLetsEncrypt).orElse(false)) {
            return Remedy.ALLOW_LETSENCRYPT_IN_CAA;
        }
        if (state.requestingSince().map(since -> !now.isBefore(since.plus(REQUEST_STUCK_AFTER))).orElse(false)) {
            return Remedy.RENEWAL_STUCK;
        }
        return Remedy.TWILIO_RENEWS;
    }

    private static Optional<Instant> requestingSince(DomainState prior, Optional<DomainCertificate> certificate,
            Instant now) {
        boolean requesting = certificate.flatMap(DomainCertificate::requesting).orElse(false);
        return requesting ? Optional.of(prior.requestingSince().orElse(now)) : Optional.empty();
    }

    /** A later certificate replaced one that was alarmed about: one RESOLVED, once per new certificate. */
    private static DomainState renewal(DomainState state, String identity, DomainObservation observation,
            ExpiryAssessment assessment, Remedy remedy, List<ScanAlarm> alarms) {
        Optional<String> previous = state.certificate();
        Optional<Instant> previousExpires = state.certificateExpires();
        boolean replacedByLater = previous.isPresent() && !previous.get().equals(identity)
                && previousExpires.map(p -> assessment.notAfter().isAfter(p)).orElse(false);
        if (replacedByLater && state.alarmsFor(previous.get()).alarmed() && !state.alarmsFor(identity).resolvedSent()) {
            alarms.add(alarm(AlarmType.RESOLVED, Severity.INFO, observation, remedy, assessment, OptionalInt.empty(),
                    previousExpires, 0, new StateMark.RenewalResolved(identity)));
        }
        if (previous.isEmpty() || !previous.get().equals(identity)) {
            state = state.withCurrentCertificate(identity, Optional.of(assessment.notAfter()));
        }
        return state;
    }

    private static void expiryAlarms(DomainState state, String identity, DomainObservation observation,
            ExpiryAssessment assessment, Remedy remedy, Instant now, List<ScanAlarm> alarms) {
        CertificateAlarms sent = state.alarmsFor(identity);
        if (assessment.expired()) {
            boolean due = sent.lastExpiredNotice().map(last -> !now.isBefore(last.plus(EXPIRED_REMINDER))).orElse(true);
            if (due) {
                alarms.add(alarm(AlarmType.EXPIRED, Severity.CRITICAL, observation, remedy, assessment,
                        OptionalInt.empty(), Optional.empty(), 0, new StateMark.ExpiredNoticeSent(identity, now)));
            }
            return;
        }
        OptionalInt crossed = assessment.crossed();
        if (crossed.isEmpty()) {
            return;
        }
        int days = crossed.getAsInt();
        boolean escalates = sent.lowestThresholdSent().isEmpty() || days < sent.lowestThresholdSent().getAsInt();
        if (escalates) {
            alarms.add(alarm(expiryType(remedy), days <= CRITICAL_DAYS ? Severity.CRITICAL : Severity.WARNING,
                    observation, remedy, assessment, crossed, Optional.empty(), 0,
                    new StateMark.ThresholdSent(identity, days)));
        }
    }

    private static AlarmType expiryType(Remedy remedy) {
        return switch (remedy) {
            case UPLOAD_REPLACEMENT -> AlarmType.NO_REPLACEMENT;
            case ALLOW_LETSENCRYPT_IN_CAA -> AlarmType.CAA_BLOCKS_RENEWAL;
            case RENEWAL_STUCK -> AlarmType.RENEWAL_STUCK;
            case VALIDATION_IN_PROGRESS, TWILIO_RENEWS -> AlarmType.EXPIRING;
        };
    }

    /** Conditions that matter before any threshold: a managed renewal that cannot happen, a host serving another cert. */
    private static void conditionAlarms(DomainState state, String identity, DomainObservation observation,
            ExpiryAssessment assessment, Remedy remedy, Instant now, List<ScanAlarm> alarms) {
        Severity urgency = assessment.daysLeft() <= CRITICAL_DAYS ? Severity.CRITICAL : Severity.WARNING;
        if (remedy == Remedy.ALLOW_LETSENCRYPT_IN_CAA) {
            String key = "CAA|" + identity + "|" + observation.caa().orElseThrow().kind();
            condition(state, key, AlarmType.CAA_BLOCKS_RENEWAL, urgency, observation, remedy, assessment, now, alarms);
        }
        if (remedy == Remedy.RENEWAL_STUCK) {
            condition(state, "STUCK|" + identity, AlarmType.RENEWAL_STUCK, urgency, observation, remedy, assessment, now,
                    alarms);
        }
        if (observation.live().isPresent() && !observation.replacementInValidation()) {
            LiveStatus live = observation.live().get();
            Duration apart = Duration.between(live.leafNotAfter(), assessment.notAfter()).abs();
            if (apart.compareTo(LIVE_MISMATCH_TOLERANCE) > 0) {
                Severity severity = live.leafNotAfter().isBefore(now) ? Severity.CRITICAL : Severity.WARNING;
                condition(state, "LIVE|" + identity + "|" + live.leafFingerprintSha256(), AlarmType.LIVE_CERT_MISMATCH,
                        severity, observation, remedy, assessment, now, alarms);
            }
        }
    }

    private static void condition(DomainState state, String key, AlarmType type, Severity severity,
            DomainObservation observation, Remedy remedy, ExpiryAssessment assessment, Instant now,
            List<ScanAlarm> alarms) {
        if (!state.conditions().containsKey(key)) {
            alarms.add(alarm(type, severity, observation, remedy, assessment, OptionalInt.empty(), Optional.empty(), 0,
                    new StateMark.ConditionSent(key, now)));
        }
    }

    /** DNS validity and ContinueOnFailure: alarmed once while true, forgotten when it stops being true. */
    private static DomainState dnsAndAdvisories(DomainState state, DomainObservation observation,
            Optional<ExpiryAssessment> assessment, Remedy remedy, Instant now, List<ScanAlarm> alarms) {
        state = toggled(state, "DNS_INVALID", observation.dnsValid().map(valid -> !valid), AlarmType.DNS_INVALID,
                Severity.WARNING, observation, remedy, assessment, now, alarms);
        return toggled(state, "CONTINUE_ON_FAILURE", observation.continueOnFailure(), AlarmType.CONTINUE_ON_FAILURE,
                Severity.INFO, observation, remedy, assessment, now, alarms);
    }

    private static DomainState toggled(DomainState state, String key, Optional<Boolean> holds, AlarmType type,
            Severity severity, DomainObservation observation, Remedy remedy, Optional<ExpiryAssessment> assessment,
            Instant now, List<ScanAlarm> alarms) {
        if (holds.isEmpty()) {
            return state; // not read this run: neither raise nor forget
        }
        if (!holds.get()) {
            return state.withoutCondition(key);
        }
        if (!state.conditions().containsKey(key)) {
            alarms.add(new ScanAlarm(type, severity, observation, remedy,
                    assessment.map(ExpiryAssessment::notAfter), assessment.map(ExpiryAssessment::daysLeft),
                    OptionalInt.empty(), Optional.empty(), 0, new StateMark.ConditionSent(key, now)));
        }
        return state;
    }

    private static DomainState failures(DomainState state, DomainObservation observation,
            Optional<ExpiryAssessment> assessment, Remedy remedy, List<ScanAlarm> alarms) {
        if (observation.failed()) {
            int count = state.consecutiveFailures() + 1;
            state = state.withFailures(count, state.checkFailedAlarmed());
            if (count >= FAILED_RUNS_BEFORE_ALARM && !state.checkFailedAlarmed()) {
                alarms.add(new ScanAlarm(AlarmType.CHECK_FAILED, Severity.WARNING, observation, remedy,
                        assessment.map(ExpiryAssessment::notAfter), assessment.map(ExpiryAssessment::daysLeft),
                        OptionalInt.empty(), Optional.empty(), count, new StateMark.CheckFailedSent()));
            }
            return state;
        }
        if (state.checkFailedAlarmed()) {
            alarms.add(new ScanAlarm(AlarmType.RESOLVED, Severity.INFO, observation, remedy,
                    assessment.map(ExpiryAssessment::notAfter), assessment.map(ExpiryAssessment::daysLeft),
                    OptionalInt.empty(), Optional.empty(), state.consecutiveFailures(), new StateMark.ChecksRecovered()));
        }
        return state.withFailures(0, state.checkFailedAlarmed());
    }

    private static ScanAlarm alarm(AlarmType type, Severity severity, DomainObservation observation, Remedy remedy,
            ExpiryAssessment assessment, OptionalInt threshold, Optional<Instant> previousExpires, int failures,
            StateMark mark) {
        return new ScanAlarm(type, severity, observation, remedy, Optional.of(assessment.notAfter()),
                Optional.of(assessment.daysLeft()), threshold, previousExpires, failures, mark);
    }
}
