package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import io.certguard.domain.DomainSid;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.twilio.CertInValidation;
import io.certguard.twilio.CertValidationStatus;
import io.certguard.twilio.DomainCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanPolicyTest {

    private static final DomainSid SID = new DomainSid("DN" + "c".repeat(32));
    private static final Instant START = Instant.parse("2026-11-01T06:00:00Z");
    private final ScanPolicy policy = new ScanPolicy(new ExpiryPolicy(AlarmThresholds.DEFAULT));

    /** Runs the policy and publishes every alarm (applies its mark), like a scan whose publishes all succeed. */
    private record Run(DomainState state, List<ScanAlarm> alarms) {
    }

    private Run run(DomainState prior, DomainObservation observation, Instant now) {
        ScanDecision decision = policy.decide(prior, observation, now);
        DomainState state = decision.state();
        for (ScanAlarm alarm : decision.alarms()) {
            state = alarm.mark().applyTo(state);
        }
        // The state survives a round trip through its stored form.
        assertThat(DomainState.fromJson(state.toJson())).isEqualTo(state);
        return new Run(state, decision.alarms());
    }

    @Test
    void customerManagedCertificate_40_29_13_6_expired_renewed_givesExactlyTheExpectedSequence() {
        Instant expires = START.plus(Duration.ofDays(40));
        DomainCertificate old = certificate("CW" + "1".repeat(32), expires, false);
        DomainState state = DomainState.EMPTY;
        List<String> sent = new ArrayList<>();

        for (int day : new int[] {0, 11, 27, 34, 41}) { // 40, 29, 13, 6, -1 days left
            Instant now = START.plus(Duration.ofDays(day));
            Run first = run(state, observe(old), now);
            Run repeat = run(first.state(), observe(old), now.plus(Duration.ofHours(1)));
            assertThat(repeat.alarms()).as("a repeated run on day %d sends nothing new", day).isEmpty();
            first.alarms().forEach(a -> sent.add(describe(a)));
            state = repeat.state();
        }
        // Expired: reminded once a day, not on every run.
        Run nextDay = run(state, observe(old), START.plus(Duration.ofDays(42)));
        nextDay.alarms().forEach(a -> sent.add(describe(a)));
        state = nextDay.state();

        DomainCertificate renewed = certificate("CW" + "2".repeat(32), START.plus(Duration.ofDays(132)), false);
        Run afterRenewal = run(state, observe(renewed), START.plus(Duration.ofDays(42)).plusSeconds(60));
        afterRenewal.alarms().forEach(a -> sent.add(describe(a)));
        assertThat(run(afterRenewal.state(), observe(renewed), START.plus(Duration.ofDays(43))).alarms()).isEmpty();

        assertThat(sent).containsExactly(
                "NO_REPLACEMENT WARNING 30d left 29",
                "NO_REPLACEMENT WARNING 14d left 13",
                "NO_REPLACEMENT CRITICAL 7d left 6",
                "EXPIRED CRITICAL left -1",
                "EXPIRED CRITICAL left -2",
                "RESOLVED INFO left 89");
    }

    @Test
    void firstScanInsideAThreshold_sendsOnlyTheCurrentOne() {
        DomainCertificate cert = certificate("CW" + "1".repeat(32), START.plus(Duration.ofDays(5)), false);
        assertThat(run(DomainState.EMPTY, observe(cert), START).alarms()).extracting(ScanPolicyTest::describe)
                .containsExactly("NO_REPLACEMENT CRITICAL 7d left 5");
    }

    @Test
    void aFailedPublish_leavesTheAlarmUnmarked_soTheNextRunSendsIt() {
        DomainCertificate cert = certificate("CW" + "1".repeat(32), START.plus(Duration.ofDays(10)), false);
        ScanDecision decision = policy.decide(DomainState.EMPTY, observe(cert), START);
        assertThat(decision.alarms()).hasSize(1);

        // Publish failed: store the decided state without the mark.
        ScanDecision retry = policy.decide(decision.state(), observe(cert), START.plus(Duration.ofDays(1)));
        assertThat(retry.alarms()).extracting(ScanPolicyTest::describe).containsExactly("NO_REPLACEMENT WARNING 14d left 9");
    }

    @Test
    void cdnAlternatingBetweenTwoCertificates_doesNotStorm() {
        DomainCertificate oldCert = certificate("CW" + "1".repeat(32), START.plus(Duration.ofDays(10)), false);
        DomainCertificate newCert = certificate("CW" + "2".repeat(32), START.plus(Duration.ofDays(100)), false);
        DomainState state = run(DomainState.EMPTY, observe(oldCert), START).state();
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Run r = run(state, observe(i % 2 == 1 ? newCert : oldCert), START.plus(Duration.ofHours(i)));
            r.alarms().forEach(a -> sent.add(describe(a)));
            state = r.state();
        }
        assertThat(sent).containsExactly("RESOLVED INFO left 99");
    }

    @Test
    void managedCertificate_caaDenied_alarmsOnceBeforeAnyThreshold_andTheRemedyFollows() {
        DomainCertificate cert = certificate("CW" + "1".repeat(32), START.plus(Duration.ofDays(60)), true);
        DomainObservation denied = observe(cert, Optional.of(new CaaStatus(CaaStatus.Kind.DENIED, "issue \"digicert.com\"")),
                Optional.empty(), Optional.of(true), Optional.of(false));
        Run first = run(DomainState.EMPTY, denied, START);
        assertThat(first.alarms()).extracting(ScanPolicyTest::describe).containsExactly("CAA_BLOCKS_RENEWAL WARNING left 60");
        assertThat(first.alarms().get(0).remedy()).isEqualTo(Remedy.ALLOW_LETSENCRYPT_IN_CAA);
        assertThat(run(first.state(), denied, START.plus(Duration.ofDays(1))).alarms()).isEmpty();

        Run threshold = run(first.state(), denied, START.plus(Duration.ofDays(31)));
        assertThat(threshold.alarms()).extracting(ScanPolicyTest::describe).containsExactly("CAA_BLOCKS_RENEWAL WARNING 30d left 29");
    }

    @Test
    void managedCertificate_requestingForMoreThanADay_isRenewalStuck() {
        DomainCertificate requesting = new DomainCertificate(SID, Optional.of("CW" + "1".repeat(32)),
                Optional.of("https://links.example.com"), Optional.empty(), Optional.empty(),
                Optional.of(START.plus(Duration.ofDays(20))), Optional.of(true), Optional.of(true), Optional.empty(), "v2");
        DomainObservation observation = observe(requesting, permitted(), Optional.empty(), Optional.of(true), Optional.of(false));

        Run first = run(DomainState.EMPTY, observation, START);
        assertThat(first.alarms()).extracting(ScanPolicyTest::describe).containsExactly("EXPIRING WARNING 30d left 20");
        Run dayLater = run(first.state(), observation, START.plus(Duration.ofDays(1)));
        assertThat(dayLater.alarms()).extracting(ScanPolicyTest::describe).containsExactly("RENEWAL_STUCK WARNING left 19");
        assertThat(dayLater.alarms().get(0).remedy()).isEqualTo(Remedy.RENEWAL_STUCK);
    }

    @Test
    void replacementInValidation_changesTheRemedy_andSuppressesLiveMismatch() {
        CertInValidation pending = new CertInValidation(CertValidationStatus.PENDING, "pending", Optional.empty(), Map.of());
        DomainCertificate cert = new DomainCertificate(SID, Optional.of("CW" + "1".repeat(32)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(START.plus(Duration.ofDays(10))), Optional.of(false),
                Optional.of(false), Optional.of(pending), "v2");
        LiveStatus other = new LiveStatus(START.plus(Duration.ofDays(90)), "ab", true, Optional.empty(), Optional.empty(), "TLSv1.3");

        Run run = run(DomainState.EMPTY, observe(cert, permitted(), Optional.of(other), Optional.of(true), Optional.of(false)), START);
        assertThat(run.alarms()).extracting(ScanPolicyTest::describe).containsExactly("EXPIRING WARNING 14d left 10");
        assertThat(run.alarms().get(0).remedy()).isEqualTo(Remedy.VALIDATION_IN_PROGRESS);
    }

    @Test
    void liveCertificateDiffersFromTwilios_alarmsOncePerServedCertificate() {
        DomainCertificate cert = certificate("CW" + "1".repeat(32), START.plus(Duration.ofDays(80)), false);
        LiveStatus stale = new LiveStatus(START.plus(Duration.ofDays(5)), "aa", true, Optional.empty(), Optional.empty(), "TLSv1.3");
        LiveStatus same = new LiveStatus(START.plus(Duration.ofDays(80)).plusSeconds(30), "bb", true, Optional.empty(),
                Optional.empty(), "TLSv1.3");
        DomainObservation mismatch = observe(cert, permitted(), Optional.of(stale), Optional.of(true), Optional.of(false));

        Run first = run(DomainState.EMPTY, mismatch, START);
        assertThat(first.alarms()).extracting(ScanPolicyTest::describe).containsExactly("LIVE_CERT_MISMATCH WARNING left 80");
        Run matching = run(first.state(), observe(cert, permitted(), Optional.of(same), Optional.of(true), Optional.of(false)), START.plusSeconds(60));
        assertThat(matching.alarms()).isEmpty();
        assertThat(run(matching.state(), mismatch, START.plusSeconds(120)).alarms()).as("flapping back").isEmpty();
    }

    @Test
    void dnsInvalidAndContinueOnFailure_alarmOnceWhileTrue_andAgainAfterTheyCleared() {
        DomainCertificate cert = certificate("CW" + "1".repeat(32), START.plus(Duration.ofDays(80)), false);
        DomainObservation bad = observe(cert, permitted(), Optional.empty(), Optional.of(false), Optional.of(true));
        DomainObservation good = observe(cert, permitted(), Optional.empty(), Optional.of(true), Optional.of(false));

        Run first = run(DomainState.EMPTY, bad, START);
        assertThat(first.alarms()).extracting(ScanPolicyTest::describe)
                .containsExactly("DNS_INVALID WARNING left 80", "CONTINUE_ON_FAILURE INFO left 80");
        assertThat(run(first.state(), bad, START.plusSeconds(60)).alarms()).isEmpty();
        Run cleared = run(first.state(), good, START.plusSeconds(120));
        assertThat(cleared.alarms()).isEmpty();
        assertThat(run(cleared.state(), bad, START.plusSeconds(180)).alarms()).hasSize(2);
    }

    @Test
    void threeFailedRunsInARow_raiseCheckFailedOnce_andRecoveryResolvesIt() {
        DomainObservation failing = new DomainObservation(SID, "links.example.com", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                List.of(new CheckFailure(CheckFailure.Part.TWILIO_CERTIFICATE, "TwilioUnavailableException: HTTP 503")));
        DomainState state = DomainState.EMPTY;
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Run r = run(state, failing, START.plus(Duration.ofDays(i)));
            r.alarms().forEach(a -> sent.add(a.type() + " after " + a.consecutiveFailures()));
            state = r.state();
        }
        DomainCertificate cert = certificate("CW" + "1".repeat(32), START.plus(Duration.ofDays(80)), false);
        Run recovered = run(state, observe(cert), START.plus(Duration.ofDays(6)));
        recovered.alarms().forEach(a -> sent.add(a.type() + " after " + a.consecutiveFailures()));

        assertThat(sent).containsExactly("CHECK_FAILED after 3", "RESOLVED after 5");
        assertThat(recovered.state().consecutiveFailures()).isZero();
        assertThat(recovered.state().checkFailedAlarmed()).isFalse();
    }

    @Test
    void certificatesRememberedAreBounded_andTheirConditionsGoWithThem() {
        DomainState state = DomainState.EMPTY;
        for (int i = 0; i < DomainState.MAX_CERTIFICATES + 3; i++) {
            String id = "CW" + i + "@x";
            state = state.withCertificateAlarms(id, CertificateAlarms.NONE.withThreshold(30))
                    .withCondition("LIVE|" + id + "|fp", START);
        }
        assertThat(state.rememberedCertificates()).hasSize(DomainState.MAX_CERTIFICATES).doesNotContain("CW0@x");
        state = state.withCertificateAlarms("CW99@x", CertificateAlarms.NONE);
        assertThat(state.conditions().keySet()).noneMatch(k -> k.contains("CW0@x") || k.contains("CW3@x"));
    }

    private static String describe(ScanAlarm alarm) {
        return alarm.type() + " " + alarm.severity()
                + (alarm.threshold().isPresent() ? " " + alarm.threshold().getAsInt() + "d" : "")
                + alarm.daysLeft().map(d -> " left " + d).orElse("");
    }

    private static Optional<CaaStatus> permitted() {
        return Optional.of(new CaaStatus(CaaStatus.Kind.PERMITTED, "no CAA records"));
    }

    private static DomainCertificate certificate(String sid, Instant expires, boolean managed) {
        return new DomainCertificate(SID, Optional.of(sid), Optional.of("https://links.example.com"), Optional.empty(),
                Optional.empty(), Optional.of(expires), Optional.of(managed), Optional.of(false), Optional.empty(), "v2");
    }

    private static DomainObservation observe(DomainCertificate certificate) {
        return observe(certificate, permitted(), Optional.empty(), Optional.of(true), Optional.of(false));
    }

    private static DomainObservation observe(DomainCertificate certificate, Optional<CaaStatus> caa,
            Optional<LiveStatus> live, Optional<Boolean> dnsValid, Optional<Boolean> continueOnFailure) {
        return new DomainObservation(SID, "links.example.com", Optional.of(certificate), continueOnFailure, dnsValid,
                Optional.empty(), live, caa, false, List.of());
    }

    @Test
    void severitiesAreOrderedMostSevereFirst() {
        assertThat(Severity.values()).containsExactly(Severity.INFO, Severity.WARNING, Severity.CRITICAL);
        assertThat(AlarmType.EXPIRED.errorCode()).isEqualTo("30102");
        assertThat(AlarmType.NO_REPLACEMENT.errorCode()).isEqualTo("30131");
    }
}
