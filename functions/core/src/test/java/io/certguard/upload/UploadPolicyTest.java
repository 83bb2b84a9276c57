package io.certguard.upload;

import static io.certguard.upload.UploadWorld.NOW;
import static io.certguard.upload.UploadWorld.SID;
import static io.certguard.upload.UploadWorld.bundle;
import static io.certguard.upload.UploadWorld.leaf;
import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.alarm.Severity;
import io.certguard.bundle.BundleInput;
import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.LeafSummary;
import io.certguard.bundle.ValidationContext;
import io.certguard.domain.DomainSid;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.testpki.HeldCertificate;
import io.certguard.tls.CertificateFingerprint;
import io.certguard.twilio.DomainCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The upload's pure decisions. */
class UploadPolicyTest {

    private static final UploadPolicy POLICY = new UploadPolicy(UploadSettings.of("certguard/", AlarmThresholds.DEFAULT,
            Duration.ofMinutes(1)));
    private static final HeldCertificate LEAF = leaf(120);
    private static final Instant LEAF_EXPIRES = LEAF.certificate().getNotAfter().toInstant();
    private static final UploadRecord CLAIM = UploadRecord.claim(SID, "v2", "arn:secret", NOW.plusSeconds(900));

    static Stream<Arguments> severities() {
        return Stream.of(
                Arguments.of("31 days left", Optional.of(NOW.plus(Duration.ofDays(31))), Severity.WARNING),
                Arguments.of("exactly 30 days left", Optional.of(NOW.plus(Duration.ofDays(30))), Severity.CRITICAL),
                Arguments.of("2 days left", Optional.of(NOW.plus(Duration.ofDays(2))), Severity.CRITICAL),
                Arguments.of("expired", Optional.of(NOW.minusSeconds(1)), Severity.CRITICAL),
                Arguments.of("no certificate known", Optional.empty(), Severity.CRITICAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("severities")
    void aRejection_isCriticalWhenTheCurrentCertificateIsWithinTheThresholds(String name, Optional<Instant> expires,
            Severity expected) {
        assertThat(POLICY.rejectionSeverity(expires, NOW)).isEqualTo(expected);
    }

    @Test
    void theRecordedFingerprint_isTheOneTheTlsProbeReports() {
        BundleReport report = BundleValidator.validate(BundleInput.fromText(bundle(LEAF)),
                ValidationContext.of(UploadWorld.HOST, NOW, Duration.ofDays(30)));
        LeafSummary leaf = ((BundleReport.Uploadable) report).leaf();

        assertThat(UploadPolicy.fingerprint(leaf)).isEqualTo(CertificateFingerprint.sha256(LEAF.certificate()));
    }

    @Test
    void notNewer_comparesWithTheNewestOfTwilioItsCandidateAndTheUploadsStillFollowed() {
        UploadRecord inFlight = CLAIM.decided(UploadStatus.VALIDATING, Optional.empty(),
                Optional.of(NOW.plus(Duration.ofDays(200))), Optional.of("ab"), Optional.empty(), Optional.empty(),
                Optional.of(NOW), Optional.empty(), Optional.of(NOW));
        UploadRecord gaveUp = inFlight.withStatus(UploadStatus.FAILED, Optional.empty(), Optional.empty());

        assertThat(POLICY.context("links.example.com", twilio(NOW.plus(Duration.ofDays(20))), List.of(inFlight), NOW)
                .currentTwilioExpiry()).contains(NOW.plus(Duration.ofDays(200)));
        assertThat(POLICY.context("links.example.com", twilio(NOW.plus(Duration.ofDays(20))), List.of(gaveUp), NOW)
                .currentTwilioExpiry()).contains(NOW.plus(Duration.ofDays(20)));
    }

    @Test
    void aDifferentCertificateWithTheSameExpiry_isNotAlreadyPresent_butNotNewer() {
        UploadRecord live = UploadRecord.claim(SID, "v1", "arn:secret", NOW).decided(UploadStatus.LIVE, Optional.empty(),
                Optional.of(LEAF_EXPIRES), Optional.of("00ff"), Optional.empty(), Optional.empty(), Optional.of(NOW),
                Optional.empty(), Optional.empty());
        UploadFacts facts = new UploadFacts(BundleInput.fromText(bundle(LEAF)), Optional.empty(),
                Optional.of("links.example.com"), twilio(LEAF_EXPIRES), List.of(live));

        UploadDecision decision = POLICY.decide(CLAIM, facts, NOW);

        assertThat(decision).isInstanceOfSatisfying(UploadDecision.Settle.class, s -> {
            assertThat(s.upload().status()).isEqualTo(UploadStatus.REJECTED);
            assertThat(s.upload().detail()).hasValueSatisfying(d -> assertThat(d).contains("ERROR NOT_NEWER"));
            assertThat(s.alarm()).hasValueSatisfying(a -> assertThat(a.severity()).isEqualTo(Severity.WARNING));
        });
    }

    @Test
    void noHostKnown_isARejectionSayingWhatToSet() {
        UploadFacts facts = new UploadFacts(BundleInput.fromText(bundle(LEAF)), Optional.empty(), Optional.empty(),
                twilio(NOW.plus(Duration.ofDays(50))), List.of());

        UploadDecision decision = POLICY.decide(CLAIM, facts, NOW);

        assertThat(decision).isInstanceOfSatisfying(UploadDecision.Settle.class, s -> assertThat(s.upload().detail())
                .contains("version v2 was not uploaded: no host is known for domain " + SID + " (DOMAINS and the registry"
                        + " give none and Twilio's domain_name is empty), so the certificate's names cannot be checked;"
                        + " set DN…=host in DOMAINS"));
    }

    static Stream<Arguments> resolutions() {
        DomainSid tagged = SID;
        DomainSid other = DomainSid.of("DN" + "f".repeat(32));
        return Stream.of(
                Arguments.of("tag only", Map.of(DomainResolution.TAG, tagged.value()), Optional.empty(),
                        new DomainResolution.Found(tagged, "the secret's tag certguard:domain-sid")),
                Arguments.of("domainSid only", Map.of(), Optional.of(other),
                        new DomainResolution.Found(other, "the bundle's domainSid")),
                Arguments.of("both agree", Map.of(DomainResolution.TAG, " " + tagged.value() + " "), Optional.of(tagged),
                        new DomainResolution.Found(tagged, "the secret's tag certguard:domain-sid")),
                Arguments.of("both disagree", Map.of(DomainResolution.TAG, tagged.value()), Optional.of(other),
                        new DomainResolution.Refused(tagged, "the secret's tag certguard:domain-sid names " + tagged
                                + " but the bundle's domainSid names " + other
                                + "; make them agree (or drop one) and store a new version")),
                Arguments.of("bad tag, domainSid", Map.of(DomainResolution.TAG, "links.example.com"), Optional.of(other),
                        new DomainResolution.Refused(other, "the secret's tag certguard:domain-sid is not a Twilio domain"
                                + " SID (DN followed by 32 hex digits)")),
                Arguments.of("bad tag alone", Map.of(DomainResolution.TAG, "x"), Optional.empty(),
                        new DomainResolution.Unknown("the secret's tag certguard:domain-sid is not a Twilio domain SID"
                                + " (DN followed by 32 hex digits)")),
                Arguments.of("neither", Map.of("team", "web"), Optional.empty(),
                        new DomainResolution.Unknown("the secret names no domain: tag it certguard:domain-sid=DN… or put"
                                + " \"domainSid\" in the JSON bundle")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void theDomainComesFromTheTagOrTheBundle(String name, Map<String, String> tags, Optional<DomainSid> inBundle,
            DomainResolution expected) {
        assertThat(DomainResolution.of(tags, inBundle)).isEqualTo(expected);
    }

    private static DomainCertificate twilio(Instant expires) {
        return new DomainCertificate(SID, Optional.empty(), Optional.of("https://links.example.com"), Optional.empty(),
                Optional.empty(), Optional.of(expires), Optional.empty(), Optional.empty(), Optional.empty(), "v1");
    }
}
