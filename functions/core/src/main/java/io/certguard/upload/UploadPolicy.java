package io.certguard.upload;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import io.certguard.bundle.BundleReport;
import io.certguard.bundle.BundleValidator;
import io.certguard.bundle.Finding;
import io.certguard.bundle.FindingCode;
import io.certguard.bundle.LeafSummary;
import io.certguard.bundle.ValidationContext;
import io.certguard.expiry.ExpiryAssessment;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.twilio.CertInValidation;
import io.certguard.twilio.DomainCertificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The upload's decisions, pure ("now" and every observation passed in): validate the bundle against the domain and
 * what Twilio has, then post it, record that Twilio already has it, or refuse it with an UPLOAD_REJECTED alarm.
 *
 * <ul>
 * <li>Never downgrade: NOT_NEWER compares the leaf with the newest certificate Twilio has, is validating, or certguard
 * uploaded and is still following (so an older version arriving late cannot replace a newer one in validation).</li>
 * <li>Already there: Twilio's certificate expires at the leaf's notAfter (and, when certguard recorded that
 * certificate's fingerprint, it is this leaf), or the same leaf was uploaded from another version → ALREADY_PRESENT.</li>
 * <li>Already posted: Twilio is validating a certificate with this leaf's expiry (a retry whose earlier POST went
 * through) → VALIDATING without a second POST.</li>
 * <li>Rejected: CRITICAL when Twilio's current certificate is within the alarm thresholds (or unknown), else WARNING.</li>
 * </ul>
 */
public final class UploadPolicy {

    /** Uploads whose leaf Twilio is validating or has. */
    private static final Set<UploadStatus> IN_FLIGHT = EnumSet.of(UploadStatus.VALIDATING, UploadStatus.VALIDATED);
    /** Uploads whose leaf became Twilio's certificate: their fingerprint identifies Twilio's date_expires. */
    private static final Set<UploadStatus> AT_TWILIO = EnumSet.of(UploadStatus.VALIDATED, UploadStatus.LIVE,
            UploadStatus.LIVE_MISMATCH, UploadStatus.ALREADY_PRESENT);
    /** Uploads of a leaf that needs no second upload. */
    private static final Set<UploadStatus> HELD = EnumSet.of(UploadStatus.VALIDATING, UploadStatus.VALIDATED,
            UploadStatus.LIVE, UploadStatus.ALREADY_PRESENT);

    private final UploadSettings settings;
    private final ExpiryPolicy expiry;

    public UploadPolicy(UploadSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.expiry = new ExpiryPolicy(settings.thresholds());
    }

    public UploadSettings settings() {
        return settings;
    }

    /** What the bundle is validated against: the host, now, the first threshold and the newest certificate known. */
    public ValidationContext context(String host, DomainCertificate current, List<UploadRecord> others, Instant now) {
        ValidationContext context = ValidationContext.of(host, now, Duration.ofDays(settings.thresholds().first()));
        return newestKnown(current, others).map(context::withCurrentTwilioExpiry).orElse(context);
    }

    public UploadDecision decide(UploadRecord claim, UploadFacts facts, Instant now) {
        DomainCertificate current = facts.current();
        Optional<Instant> twilioExpires = current.dateExpires();
        if (facts.refusal().isPresent()) {
            return reject(claim, UploadStatus.REJECTED, facts.host(), Optional.empty(), twilioExpires,
                    "version " + claim.versionId() + " was not uploaded: " + facts.refusal().get(), List.of(), now);
        }
        if (facts.host().isEmpty()) {
            return reject(claim, UploadStatus.REJECTED, Optional.empty(), Optional.empty(), twilioExpires,
                    "version " + claim.versionId() + " was not uploaded: no host is known for domain " + claim.domain()
                            + " (DOMAINS and the registry give none and Twilio's domain_name is empty), so the"
                            + " certificate's names cannot be checked; set DN…=host in DOMAINS", List.of(), now);
        }
        ValidationContext context = context(facts.host().get(), current, facts.others(), now);
        if (facts.allowNotNewer()) {
            context = context.allowingNotNewer();
        }
        BundleReport report = BundleValidator.validate(facts.input(), context);
        Optional<LeafSummary> leaf = switch (report) {
            case BundleReport.Uploadable u -> Optional.of(u.leaf());
            case BundleReport.Rejected r -> r.leaf();
        };
        Optional<String> host = Optional.of(context.host());
        boolean onlyNotNewer = report.findings().stream().filter(Finding::blocksUpload)
                .allMatch(f -> f.code() == FindingCode.NOT_NEWER);
        if (onlyNotNewer && leaf.isPresent()) {
            Optional<String> present = alreadyThere(leaf.get(), current, facts.others());
            if (present.isPresent()) {
                return new UploadDecision.Settle(record(claim, UploadStatus.ALREADY_PRESENT, host, leaf, twilioExpires,
                        Optional.empty(), present.get(), Optional.empty()), report.findings(), Optional.empty());
            }
            if (pendingAtTwilio(leaf.get(), current)) {
                return new UploadDecision.Settle(record(claim, UploadStatus.VALIDATING, host, leaf, twilioExpires,
                        Optional.of(now), "Twilio is already validating a certificate that expires "
                                + leaf.get().notAfter() + " (an earlier POST went through): not posted again",
                        Optional.of(now.plus(settings.firstPoll()))), report.findings(), Optional.empty());
            }
        }
        return switch (report) {
            case BundleReport.Uploadable uploadable -> new UploadDecision.Post(context.host(), uploadable);
            case BundleReport.Rejected rejected -> reject(claim, UploadStatus.REJECTED, host, leaf, twilioExpires,
                    findingsText("version " + claim.versionId() + " was not uploaded; the bundle has "
                            + count(rejected.errors().size(), "error") + ":", rejected.findings()),
                    rejected.findings(), now);
        };
    }

    /** The record after Twilio accepted the POST: VALIDATING, with the leaf's identity, followed by the poll. */
    public UploadRecord uploaded(UploadRecord claim, UploadDecision.Post post, DomainCertificate before, Instant now) {
        List<Finding> notes = post.report().findings();
        String detail = notes.isEmpty() ? "posted; Twilio is validating it"
                : "posted; Twilio is validating it. " + findingsText("Findings:", notes);
        return record(claim, UploadStatus.VALIDATING, Optional.of(post.host()), Optional.of(post.report().leaf()),
                before.dateExpires(), Optional.of(now), detail, Optional.of(now.plus(settings.firstPoll())));
    }

    /**
     * Twilio refused a request about this upload with a 4xx (the POST, or reading the domain): REJECTED_BY_API with
     * Twilio's code and message.
     */
    public UploadDecision.Settle refusedByTwilio(UploadRecord claim, Optional<String> host, Optional<LeafSummary> leaf,
            Optional<DomainCertificate> current, String twilioError, Instant now) {
        return reject(claim, UploadStatus.REJECTED_BY_API, host, leaf, current.flatMap(DomainCertificate::dateExpires),
                "version " + claim.versionId() + " was not uploaded: Twilio refused it: " + twilioError, List.of(), now);
    }

    /** CRITICAL when the certificate Twilio serves is within the alarm thresholds, expired, or unknown. */
    public Severity rejectionSeverity(Optional<Instant> twilioExpires, Instant now) {
        if (twilioExpires.isEmpty()) {
            return Severity.CRITICAL;
        }
        ExpiryAssessment assessment = expiry.assess(twilioExpires.get(), now);
        return assessment.expired() || assessment.crossed().isPresent() ? Severity.CRITICAL : Severity.WARNING;
    }

    /** The leaf's SHA-256 as the TLS probe reports fingerprints: lower-case hex without separators. */
    public static String fingerprint(LeafSummary leaf) {
        return leaf.sha256Fingerprint().replace(":", "").toLowerCase(Locale.ROOT);
    }

    private UploadDecision.Settle reject(UploadRecord claim, UploadStatus status, Optional<String> host,
            Optional<LeafSummary> leaf, Optional<Instant> twilioExpires, String detail, List<Finding> findings,
            Instant now) {
        UploadRecord next = record(claim, status, host, leaf, twilioExpires, Optional.empty(), detail, Optional.empty())
                .withAlarmSent(AlarmType.UPLOAD_REJECTED.name());
        return new UploadDecision.Settle(next, findings, Optional.of(new UploadAlarm(AlarmType.UPLOAD_REJECTED,
                rejectionSeverity(twilioExpires, now), detail)));
    }

    private static UploadRecord record(UploadRecord claim, UploadStatus status, Optional<String> host,
            Optional<LeafSummary> leaf, Optional<Instant> twilioExpires, Optional<Instant> postedAt, String detail,
            Optional<Instant> nextPoll) {
        return claim.decided(status, host, leaf.map(LeafSummary::notAfter), leaf.map(UploadPolicy::fingerprint),
                leaf.map(LeafSummary::serialNumber), twilioExpires, postedAt, Optional.of(detail), nextPoll);
    }

    /** The latest expiry among Twilio's certificate, the one it validates, and uploads certguard still follows. */
    private static Optional<Instant> newestKnown(DomainCertificate current, List<UploadRecord> others) {
        return Stream.concat(
                Stream.of(current.dateExpires(), pending(current).flatMap(CertInValidation::dateExpires)).flatMap(Optional::stream),
                others.stream().filter(o -> IN_FLIGHT.contains(o.status())).map(UploadRecord::leafNotAfter)
                        .flatMap(Optional::stream))
                .max(Instant::compareTo);
    }

    private static Optional<String> alreadyThere(LeafSummary leaf, DomainCertificate current, List<UploadRecord> others) {
        String fingerprint = fingerprint(leaf);
        if (current.dateExpires().map(t -> sameSecond(t, leaf.notAfter())).orElse(false)) {
            Optional<String> twilioFingerprint = others.stream()
                    .filter(o -> AT_TWILIO.contains(o.status()) && o.leafNotAfter().equals(current.dateExpires()))
                    .map(UploadRecord::leafFingerprint).flatMap(Optional::stream).findFirst();
            if (twilioFingerprint.isEmpty() || twilioFingerprint.get().equalsIgnoreCase(fingerprint)) {
                return Optional.of("Twilio already has this certificate (expires " + leaf.notAfter() + "): not posted");
            }
        }
        return others.stream()
                .filter(o -> HELD.contains(o.status()) && o.leafFingerprint().map(fingerprint::equalsIgnoreCase).orElse(false))
                .findFirst()
                .map(o -> "the same certificate was uploaded from version " + o.versionId() + " (" + o.status()
                        + "): not posted again");
    }

    private static boolean pendingAtTwilio(LeafSummary leaf, DomainCertificate current) {
        return pending(current).flatMap(CertInValidation::dateExpires).map(t -> sameSecond(t, leaf.notAfter()))
                .orElse(false);
    }

    private static Optional<CertInValidation> pending(DomainCertificate current) {
        return current.certInValidation().filter(CertInValidation::isPending);
    }

    private static boolean sameSecond(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.SECONDS).equals(b.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An intro and one finding a line, errors first (the report's order). */
    static String findingsText(String intro, List<Finding> findings) {
        StringBuilder text = new StringBuilder(intro);
        findings.forEach(f -> text.append("\n- ").append(f));
        return text.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
