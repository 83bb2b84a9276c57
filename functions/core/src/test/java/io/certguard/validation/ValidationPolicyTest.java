package io.certguard.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import io.certguard.domain.DomainSid;
import io.certguard.scan.LiveStatus;
import io.certguard.twilio.CertInValidation;
import io.certguard.twilio.CertValidationStatus;
import io.certguard.twilio.DomainCertificate;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationPolicyTest {

    private static final DomainSid SID = new DomainSid("DN" + "9".repeat(32));
    private static final Instant UPLOADED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant OLD_EXPIRY = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant NEW_EXPIRY = Instant.parse("2027-02-25T10:00:00Z");
    private static final String NEW_FP = "aa".repeat(32);
    private final ValidationPolicy policy = new ValidationPolicy(PollSettings.defaults());

    private static UploadRecord validating() {
        return new UploadRecord(SID, "v1", UploadStatus.VALIDATING, "arn:secret", Optional.of("links.example.com"),
                Optional.of(NEW_EXPIRY), Optional.of(NEW_FP), Optional.of("01"), Optional.of(OLD_EXPIRY),
                Optional.of(UPLOADED), Optional.empty(), 0, 0, List.of(), Optional.empty(), Optional.empty(),
                Optional.of(UPLOADED.plusSeconds(60)));
    }

    private static PollObservation twilio(Optional<CertInValidation> inValidation, Instant dateExpires,
            Optional<LiveStatus> live) {
        return new PollObservation.Read(new DomainCertificate(SID, Optional.of("CW" + "1".repeat(32)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(dateExpires), Optional.of(false), Optional.of(false),
                inValidation, "v2"), live, live.isPresent() ? Optional.empty() : Optional.of("connect refused"));
    }

    private static Optional<CertInValidation> status(String raw) {
        return Optional.of(new CertInValidation(CertValidationStatus.parse(raw), raw, Optional.of(NEW_EXPIRY),
                Map.of("status", raw)));
    }

    private static Optional<LiveStatus> serving(String fingerprint, Instant notAfter) {
        return Optional.of(new LiveStatus(notAfter, fingerprint, true, Optional.empty(), Optional.empty(), "TLSv1.3"));
    }

    static Stream<Arguments> singleSteps() {
        return Stream.of(
                Arguments.of("pending keeps waiting with the first backoff step", twilio(status("pending"), OLD_EXPIRY,
                        Optional.empty()), UPLOADED.plusSeconds(60), UploadStatus.VALIDATING,
                        Optional.of(UPLOADED.plusSeconds(60 + 120)), List.of()),
                Arguments.of("another status fails with Twilio's words", twilio(status("failed"), OLD_EXPIRY,
                        Optional.empty()), UPLOADED.plusSeconds(60), UploadStatus.FAILED, Optional.empty(),
                        List.of("VALIDATION_FAILED CRITICAL Twilio reports cert_in_validation status \"failed\"")),
                Arguments.of("null and the old expiry: Twilio dropped the upload", twilio(Optional.empty(), OLD_EXPIRY,
                        Optional.empty()), UPLOADED.plusSeconds(60), UploadStatus.REJECTED_BY_TWILIO, Optional.empty(),
                        List.of("VALIDATION_FAILED CRITICAL Twilio cleared cert_in_validation but date_expires is "
                                + OLD_EXPIRY + ", not the uploaded leaf's " + NEW_EXPIRY + ": the upload was dropped")),
                Arguments.of("null, new expiry, host serves the new leaf: live", twilio(Optional.empty(), NEW_EXPIRY,
                        serving(NEW_FP, NEW_EXPIRY)), UPLOADED.plusSeconds(300), UploadStatus.LIVE, Optional.empty(),
                        List.of("RESOLVED INFO certificate replaced, now expires " + NEW_EXPIRY)),
                Arguments.of("null, new expiry, host still serves the old leaf: validated, waiting",
                        twilio(Optional.empty(), NEW_EXPIRY, serving("bb", OLD_EXPIRY)), UPLOADED.plusSeconds(300),
                        UploadStatus.VALIDATED, Optional.of(UPLOADED.plusSeconds(300 + 120)), List.of()),
                Arguments.of("null, new expiry, host unreachable: validated, waiting", twilio(Optional.empty(),
                        NEW_EXPIRY, Optional.empty()), UPLOADED.plusSeconds(300), UploadStatus.VALIDATED,
                        Optional.of(UPLOADED.plusSeconds(300 + 120)), List.of()),
                Arguments.of("Twilio unreadable: same status, backoff, no alarm yet",
                        new PollObservation.TwilioFailed("TwilioUnavailableException: HTTP 503"), UPLOADED.plusSeconds(60),
                        UploadStatus.VALIDATING, Optional.of(UPLOADED.plusSeconds(60 + 120)), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleSteps")
    void oneStepFromValidating(String name, PollObservation observation, Instant now, UploadStatus status,
            Optional<Instant> nextPoll, List<String> alarms) {
        PollDecision decision = policy.decide(validating(), observation, now);

        assertThat(decision.upload().status()).isEqualTo(status);
        assertThat(decision.upload().pollAt()).isEqualTo(nextPoll);
        assertThat(decision.alarms()).extracting(ValidationPolicyTest::describe).isEqualTo(alarms);
        assertThat(decision.upload().polls()).isEqualTo(1);
    }

    @Test
    void longValidation_timesOutOnce_pollsSlowly_thenSucceedsLate() {
        UploadRecord upload = validating();
        List<String> sent = new ArrayList<>();
        Instant now = UPLOADED;
        while (now.isBefore(UPLOADED.plus(Duration.ofHours(3)))) {
            now = upload.pollAt().orElseThrow();
            PollDecision d = policy.decide(upload, twilio(status("pending"), OLD_EXPIRY, Optional.empty()), now);
            d.alarms().forEach(a -> sent.add(describe(a)));
            upload = d.upload();
        }
        assertThat(sent).containsExactly("VALIDATION_TIMEOUT WARNING Twilio has been validating the certificate for 38 "
                + "minutes (Twilio says to allow about five)");
        assertThat(Duration.between(now, upload.pollAt().orElseThrow())).isEqualTo(Duration.ofMinutes(30));

        PollDecision late = policy.decide(upload, twilio(Optional.empty(), NEW_EXPIRY, serving(NEW_FP, NEW_EXPIRY)),
                upload.pollAt().orElseThrow());
        assertThat(late.upload().status()).isEqualTo(UploadStatus.LIVE);
        assertThat(late.alarms()).extracting(a -> a.type()).containsExactly(AlarmType.RESOLVED);
    }

    @Test
    void pendingAtTheHardLimit_givesUpWithACriticalAlarm() {
        PollDecision d = policy.decide(validating(), twilio(status("pending"), OLD_EXPIRY, Optional.empty()),
                UPLOADED.plus(Duration.ofHours(24)));
        assertThat(d.upload().status()).isEqualTo(UploadStatus.GAVE_UP);
        assertThat(d.upload().pollAt()).isEmpty();
        assertThat(d.alarms()).extracting(ValidationPolicyTest::describe).containsExactly(
                "VALIDATION_TIMEOUT CRITICAL still pending after 24 hours; certguard stopped following this upload");
    }

    @Test
    void hostServingTheOldCertificatePastTheGrace_isALiveMismatch() {
        PollDecision validated = policy.decide(validating(), twilio(Optional.empty(), NEW_EXPIRY,
                serving("bb", OLD_EXPIRY)), UPLOADED.plusSeconds(300));
        PollDecision stillOld = policy.decide(validated.upload(), twilio(Optional.empty(), NEW_EXPIRY,
                serving("bb", OLD_EXPIRY)), UPLOADED.plusSeconds(300).plus(Duration.ofMinutes(60)));

        assertThat(stillOld.upload().status()).isEqualTo(UploadStatus.LIVE_MISMATCH);
        assertThat(stillOld.alarms()).extracting(ValidationPolicyTest::describe).containsExactly(
                "LIVE_CERT_MISMATCH WARNING the host serves SHA-256 bb (expires " + OLD_EXPIRY + ")");
    }

    @Test
    void threeUnreadablePollsInARow_raiseCheckFailedOnce() {
        UploadRecord upload = validating();
        List<AlarmType> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PollDecision d = policy.decide(upload, new PollObservation.TwilioFailed("HTTP 503"), upload.pollAt().orElseThrow());
            d.alarms().forEach(a -> sent.add(a.type()));
            upload = d.upload();
        }
        assertThat(sent).containsExactly(AlarmType.CHECK_FAILED);
        assertThat(upload.consecutiveFailures()).isEqualTo(5);
        assertThat(upload.status()).isEqualTo(UploadStatus.VALIDATING);
    }

    @Test
    void anUploadNotFollowedIsRefused() {
        UploadRecord live = validating().withStatus(UploadStatus.LIVE, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> policy.decide(live, new PollObservation.TwilioFailed("x"), UPLOADED))
                .hasMessageContaining("not followed");
    }

    @Test
    void everyAlarmIsMarkedInTheRecordItGoesOutWith() {
        PollDecision d = policy.decide(validating(), twilio(status("failed"), OLD_EXPIRY, Optional.empty()), UPLOADED);
        assertThat(d.upload().alarmSent(AlarmType.VALIDATION_FAILED.name())).isTrue();
        assertThat(d.alarms().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    private static String describe(PollAlarm alarm) {
        return alarm.type() + " " + alarm.severity() + " " + alarm.detail().orElse("");
    }
}
