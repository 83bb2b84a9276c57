package io.certguard.validation;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import io.certguard.scan.LiveStatus;
import io.certguard.twilio.CertInValidation;
import io.certguard.twilio.DomainCertificate;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validation poll's state machine: from an upload being validated (or validated and awaiting the host), what one
 * poll saw and "now", to the next state and the alarms. Pure. Follows Twilio's documented flow: after a {@code TlsCert}
 * POST, GET the Certificate until {@code cert_in_validation} is null (allow about five minutes), then check
 * {@code date_expires} and the certificate actually served (https://www.twilio.com/docs/api/errors/30131).
 *
 * <pre>
 * VALIDATING --pending------------------------------------&gt; VALIDATING (backoff; VALIDATION_TIMEOUT once; GAVE_UP at the hard limit)
 * VALIDATING --other status-------------------------------&gt; FAILED (VALIDATION_FAILED 30132)
 * VALIDATING --null, date_expires = new leaf--------------&gt; VALIDATED, then as below
 * VALIDATING --null, date_expires not the new leaf--------&gt; REJECTED_BY_TWILIO (VALIDATION_FAILED 30132)
 * VALIDATED  --host serves the new leaf-------------------&gt; LIVE (RESOLVED)
 * VALIDATED  --host serves another, grace not over--------&gt; VALIDATED
 * VALIDATED  --host serves another, grace over------------&gt; LIVE_MISMATCH (LIVE_CERT_MISMATCH)
 * any        --Twilio unreadable--------------------------&gt; same status, backoff (CHECK_FAILED after 3 in a row)
 * </pre>
 */
public final class ValidationPolicy {

    private final PollSettings settings;

    public ValidationPolicy(PollSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PollSettings settings() {
        return settings;
    }

    public PollDecision decide(UploadRecord upload, PollObservation observation, Instant now) {
        if (!upload.status().polled()) {
            throw new IllegalArgumentException("upload " + upload.key() + " is " + upload.status() + ", not followed");
        }
        List<PollAlarm> alarms = new ArrayList<>();
        UploadRecord next = switch (observation) {
            case PollObservation.TwilioFailed failed -> twilioFailed(upload.polled(true), failed, now, alarms);
            case PollObservation.Read read -> read(upload.polled(false), read, now, alarms);
        };
        return new PollDecision(next, alarms);
    }

    private UploadRecord twilioFailed(UploadRecord upload, PollObservation.TwilioFailed failed, Instant now,
            List<PollAlarm> alarms) {
        if (pastHardLimit(upload, now)) {
            return giveUp(upload, "Twilio could not be read: " + failed.message(), alarms);
        }
        UploadRecord next = upload.withStatus(upload.status(), Optional.of(now.plus(settings.delayAfter(upload.polls()))),
                Optional.of("Twilio could not be read: " + failed.message()));
        if (next.consecutiveFailures() >= settings.failuresBeforeAlarm() && !next.alarmSent(AlarmType.CHECK_FAILED.name())) {
            next = next.withAlarmSent(AlarmType.CHECK_FAILED.name());
            alarms.add(new PollAlarm(AlarmType.CHECK_FAILED, Severity.WARNING, next, AlarmType.CHECK_FAILED.name(),
                    Optional.of(failed.message())));
        }
        return next;
    }

    private UploadRecord read(UploadRecord upload, PollObservation.Read read, Instant now, List<PollAlarm> alarms) {
        DomainCertificate certificate = read.certificate();
        Optional<CertInValidation> inValidation = certificate.certInValidation();
        if (upload.status() == UploadStatus.VALIDATING && inValidation.isPresent()) {
            return inValidation.get().isPending()
                    ? pending(upload, now, alarms)
                    : failed(upload, inValidation.get(), alarms);
        }
        if (upload.status() == UploadStatus.VALIDATING) {
            boolean isNewLeaf = certificate.dateExpires().isPresent()
                    && certificate.dateExpires().equals(upload.leafNotAfter());
            if (!isNewLeaf) {
                String why = "Twilio cleared cert_in_validation but date_expires is "
                        + certificate.dateExpires().map(Instant::toString).orElse("null") + ", not the uploaded leaf's "
                        + upload.leafNotAfter().map(Instant::toString).orElse("?") + ": the upload was dropped";
                UploadRecord next = upload.withStatus(UploadStatus.REJECTED_BY_TWILIO, Optional.empty(), Optional.of(why));
                return alarmOnce(next, AlarmType.VALIDATION_FAILED, Severity.CRITICAL, why, alarms);
            }
            upload = upload.withValidatedAt(now).withStatus(UploadStatus.VALIDATED, upload.pollAt(),
                    Optional.of("validated by Twilio"));
        }
        return live(upload, read, now, alarms);
    }

    private UploadRecord pending(UploadRecord upload, Instant now, List<PollAlarm> alarms) {
        if (pastHardLimit(upload, now)) {
            return giveUp(upload, "still pending after " + hours(settings.hardLimit()), alarms);
        }
        Duration waited = waited(upload, now);
        if (waited.compareTo(settings.timeout()) >= 0) {
            UploadRecord next = upload.withStatus(UploadStatus.VALIDATING, Optional.of(now.plus(settings.slowInterval())),
                    Optional.of("pending for " + waited.toMinutes() + " minutes"));
            return alarmOnce(next, AlarmType.VALIDATION_TIMEOUT, Severity.WARNING,
                    "Twilio has been validating the certificate for " + waited.toMinutes() + " minutes (Twilio says to "
                            + "allow about five)", alarms);
        }
        return upload.withStatus(UploadStatus.VALIDATING, Optional.of(now.plus(settings.delayAfter(upload.polls()))),
                Optional.of("pending"));
    }

    private static UploadRecord failed(UploadRecord upload, CertInValidation validation, List<PollAlarm> alarms) {
        String why = "Twilio reports cert_in_validation status \"" + validation.rawStatus() + "\"";
        UploadRecord next = upload.withStatus(UploadStatus.FAILED, Optional.empty(), Optional.of(why));
        return alarmOnce(next, AlarmType.VALIDATION_FAILED, Severity.CRITICAL, why, alarms);
    }

    private UploadRecord live(UploadRecord upload, PollObservation.Read read, Instant now, List<PollAlarm> alarms) {
        Optional<LiveStatus> served = read.live();
        boolean serving = served.isPresent() && upload.leafFingerprint().isPresent()
                && served.get().leafFingerprintSha256().equalsIgnoreCase(upload.leafFingerprint().get());
        if (serving) {
            UploadRecord next = upload.withStatus(UploadStatus.LIVE, Optional.empty(), Optional.of("served on the domain"));
            return alarmOnce(next, AlarmType.RESOLVED, Severity.INFO, "certificate replaced, now expires "
                    + upload.leafNotAfter().map(Instant::toString).orElse("?"), alarms);
        }
        String seen = served.map(s -> "the host serves SHA-256 " + s.leafFingerprintSha256() + " (expires "
                + s.leafNotAfter() + ")").orElse("the host could not be probed: " + read.liveError().orElse("unknown"));
        Instant validatedAt = upload.validatedAt().orElse(now);
        if (!now.isBefore(validatedAt.plus(settings.liveGrace()))) {
            UploadRecord next = upload.withStatus(UploadStatus.LIVE_MISMATCH, Optional.empty(), Optional.of(seen));
            return alarmOnce(next, AlarmType.LIVE_CERT_MISMATCH, Severity.WARNING, seen, alarms);
        }
        return upload.withStatus(UploadStatus.VALIDATED, Optional.of(now.plus(settings.delayAfter(upload.polls()))),
                Optional.of("validated; waiting for the host: " + seen));
    }

    private UploadRecord giveUp(UploadRecord upload, String why, List<PollAlarm> alarms) {
        UploadRecord next = upload.withStatus(UploadStatus.GAVE_UP, Optional.empty(),
                Optional.of(why + "; certguard stopped following this upload"));
        String key = AlarmType.VALIDATION_TIMEOUT.name() + "/GAVE_UP";
        if (next.alarmSent(key)) {
            return next;
        }
        next = next.withAlarmSent(key);
        alarms.add(new PollAlarm(AlarmType.VALIDATION_TIMEOUT, Severity.CRITICAL, next, key, next.detail()));
        return next;
    }

    private static UploadRecord alarmOnce(UploadRecord next, AlarmType type, Severity severity, String detail,
            List<PollAlarm> alarms) {
        if (next.alarmSent(type.name())) {
            return next;
        }
        UploadRecord marked = next.withAlarmSent(type.name());
        alarms.add(new PollAlarm(type, severity, marked, type.name(), Optional.of(detail)));
        return marked;
    }

    private boolean pastHardLimit(UploadRecord upload, Instant now) {
        return waited(upload, now).compareTo(settings.hardLimit()) >= 0;
    }

    private static Duration waited(UploadRecord upload, Instant now) {
        return Duration.between(upload.uploadedAt().orElse(now), now);
    }

    private static String hours(Duration d) {
        return d.toHours() + " hours";
    }
}
