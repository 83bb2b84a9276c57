package io.certguard.upload;

import io.certguard.domain.DomainSid;
import io.certguard.retry.Sleeper;
import io.certguard.secret.SecretDescription;
import io.certguard.secret.SecretNotFoundException;
import io.certguard.secret.SecretSource;
import io.certguard.secret.SecretStager;
import io.certguard.secret.VersionSelector;
import io.certguard.validation.ValidationPoller;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Secrets Manager rotation contract for certificate-bundle secrets, so that AWSCURRENT only ever names a
 * certificate Twilio accepted. certguard does not issue certificates: the user's pipeline puts the renewed bundle at
 * the AWSPENDING version, and the four steps carry it to Twilio.
 *
 * <ul>
 * <li>Every step first checks, from DescribeSecret, that rotation is on, that the version is the secret's AWSPENDING
 * one, and returns at once if it is already AWSCURRENT (a repeated step).</li>
 * <li>{@code createSecret}: succeeds when the AWSPENDING version holds a value, else fails saying how to put one.</li>
 * <li>{@code setSecret}: validates and uploads it ({@link CertificateUploader}, so a repeat does nothing).</li>
 * <li>{@code testSecret}: follows the upload with the validation poll's own code until Twilio validated it and the host
 * serves it, bounded by the invocation's remaining time; fails saying where it stands otherwise.</li>
 * <li>{@code finishSecret}: moves AWSCURRENT to the version (and takes AWSPENDING off it), only when its upload is
 * VALIDATED or LIVE (or Twilio already had that certificate).</li>
 * </ul>
 */
public final class SecretRotation {

    /** Uploads that setSecret (and a repeat of it) counts as done. */
    private static final Set<UploadStatus> UPLOADED = EnumSet.of(UploadStatus.VALIDATING, UploadStatus.VALIDATED,
            UploadStatus.LIVE, UploadStatus.ALREADY_PRESENT);
    /** Uploads finishSecret may make AWSCURRENT: Twilio accepted the certificate. */
    private static final Set<UploadStatus> ACCEPTED = EnumSet.of(UploadStatus.VALIDATED, UploadStatus.LIVE,
            UploadStatus.ALREADY_PRESENT);

    /**
     * How testSecret waits.
     *
     * @param interval between two polls of Twilio and the host
     * @param margin   kept back from the invocation's remaining time for one more poll and the answer
     * @param maxPolls an upper bound whatever the remaining time says
     */
    public record Wait(Duration interval, Duration margin, int maxPolls) {
        public Wait {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(margin, "margin");
            if (interval.isNegative() || margin.isNegative() || maxPolls < 1) {
                throw new IllegalArgumentException("interval and margin must not be negative, maxPolls at least 1");
            }
        }

        public static Wait defaults() {
            return new Wait(Duration.ofSeconds(10), Duration.ofSeconds(30), 120);
        }
    }

    private final SecretSource secrets;
    private final SecretStager stager;
    private final CertificateUploader uploader;
    private final ValidationPoller poller;
    private final UploadSettings settings;
    private final Wait wait;
    private final Sleeper sleeper;
    private final Clock clock;

    public SecretRotation(SecretSource secrets, SecretStager stager, CertificateUploader uploader, ValidationPoller poller,
            UploadSettings settings, Wait wait, Sleeper sleeper, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.stager = Objects.requireNonNull(stager, "stager");
        this.uploader = Objects.requireNonNull(uploader, "uploader");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one step.
     *
     * @param remaining the invocation's remaining time (Lambda's context), read as testSecret waits
     * @throws RotationStepException     when the step cannot succeed now (the rotation fails; AWSCURRENT is unchanged)
     * @throws TransientUploadException  when setSecret's upload failed transiently (Secrets Manager retries)
     */
    public RotationResult run(UploadTrigger.RotationStep step, Supplier<Duration> remaining) {
        SecretDescription description = describe(step);
        String token = step.clientRequestToken();
        List<String> stages = description.stagesOf(token);
        if (stages.contains(SecretDescription.CURRENT)) {
            return RotationResult.of(step, "version " + token + " is already AWSCURRENT: nothing to do");
        }
        if (!stages.contains(SecretDescription.PENDING)) {
            throw fail(step, description, "version " + token + " is not the secret's AWSPENDING version (its labels: "
                    + (stages.isEmpty() ? "none" : String.join(", ", stages)) + "; versions: " + description.describeStages()
                    + "); a rotation works on the AWSPENDING version named by its ClientRequestToken");
        }
        return switch (step.step()) {
            case CREATE_SECRET -> createSecret(step, description);
            case SET_SECRET -> setSecret(step, description);
            case TEST_SECRET -> testSecret(step, description, remaining);
            case FINISH_SECRET -> finishSecret(step, description);
        };
    }

    private SecretDescription describe(UploadTrigger.RotationStep step) {
        SecretDescription description;
        try {
            description = secrets.describe(step.secretId());
        } catch (SecretNotFoundException e) {
            throw new RotationStepException(step.step().wireName() + ": " + e.getMessage(), e);
        }
        if (!settings.covers(description.name())) {
            throw fail(step, description, "the secret is outside the certificate prefix "
                    + settings.certificateSecretPrefix() + "; certguard rotates only its certificate-bundle secrets");
        }
        if (!description.rotationEnabled()) {
            throw fail(step, description, "rotation is not enabled for this secret; this step runs only as part of a"
                    + " Secrets Manager rotation (RotateSecret with this function as the rotation Lambda)");
        }
        return description;
    }

    /** certguard does not issue certificates: the AWSPENDING version must already hold the renewed bundle. */
    private RotationResult createSecret(UploadTrigger.RotationStep step, SecretDescription description) {
        String token = step.clientRequestToken();
        try {
            secrets.read(description.arn(), new VersionSelector.Id(token));
        } catch (SecretNotFoundException e) {
            throw fail(step, description, "the AWSPENDING version " + token + " holds no certificate bundle. certguard"
                    + " does not issue certificates: store the renewed bundle first (PutSecretValue with"
                    + " ClientRequestToken " + token + " and VersionStages AWSPENDING), then rotate again");
        }
        return RotationResult.of(step, "the AWSPENDING version " + token + " holds a value: nothing to create");
    }

    private RotationResult setSecret(UploadTrigger.RotationStep step, SecretDescription description) {
        String token = step.clientRequestToken();
        UploadOutcome outcome = uploader.upload(UploadRequest.rotation(description.arn(), token), clock.instant());
        String message = switch (outcome) {
            case UploadOutcome.Uploaded u -> u.posted() ? "uploaded to Twilio; Twilio is validating it"
                    : "Twilio was already validating it";
            case UploadOutcome.AlreadyPresent a -> a.upload().detail().orElse("Twilio already has this certificate");
            case UploadOutcome.Duplicate d when UPLOADED.contains(d.existing().status()) -> "already uploaded ("
                    + d.existing().status() + ")";
            case UploadOutcome.Duplicate d when d.existing().status() == UploadStatus.IN_PROGRESS -> throw fail(step,
                    description, "another run is uploading version " + token + " (claimed until "
                            + d.existing().claimExpiresAt().map(Object::toString).orElse("?") + "); retry later");
            case UploadOutcome.Duplicate d -> throw fail(step, description, "version " + token + " was not accepted"
                    + " earlier (" + d.existing().status() + "): " + d.existing().detail().orElse("no detail")
                    + ". Store a corrected bundle and rotate again");
            case UploadOutcome.Rejected r -> throw fail(step, description, r.upload().detail().orElse("rejected")
                    + " (status " + r.upload().status() + "; an UPLOAD_REJECTED alarm was sent)");
            case UploadOutcome.Ignored i -> throw fail(step, description, i.reason());
            case UploadOutcome.Unresolved u -> throw fail(step, description, u.reason());
        };
        return new RotationResult(step.step(), step.secretId(), token, message, Optional.of(outcome), 0);
    }

    private RotationResult testSecret(UploadTrigger.RotationStep step, SecretDescription description,
            Supplier<Duration> remaining) {
        String token = step.clientRequestToken();
        DomainSid domain = domainOf(step, description);
        int polls = 0;
        List<String> problems = List.of();
        while (true) {
            UploadRecord upload = uploader.find(domain, token).orElseThrow(() -> fail(step, description,
                    "version " + token + " has not been uploaded to domain " + domain + ": run setSecret first"));
            switch (upload.status()) {
                case LIVE -> {
                    return new RotationResult(step.step(), step.secretId(), token, "Twilio validated the certificate"
                            + " and " + upload.host().orElse("the host") + " serves it", Optional.empty(), polls);
                }
                case ALREADY_PRESENT -> {
                    return new RotationResult(step.step(), step.secretId(), token, upload.detail()
                            .orElse("Twilio already has this certificate"), Optional.empty(), polls);
                }
                case VALIDATING, VALIDATED -> {
                    // followed below
                }
                case IN_PROGRESS -> throw fail(step, description, "setSecret has not finished uploading version " + token
                        + " (" + upload.detail().orElse("in progress") + ")");
                default -> throw fail(step, description, "Twilio did not accept version " + token + " ("
                        + upload.status() + "): " + upload.detail().orElse("no detail"));
            }
            if (polls >= wait.maxPolls() || remaining.get().compareTo(wait.interval().plus(wait.margin())) < 0) {
                throw fail(step, description, "version " + token + " is still " + upload.status() + " after " + polls
                        + " polls in this invocation (" + upload.detail().orElse("no detail")
                        + (problems.isEmpty() ? "" : "; last problems: " + String.join("; ", problems))
                        + "). The rotation fails and AWSCURRENT stays; the validation poll keeps following the upload"
                        + " and a new rotation picks it up");
            }
            if (polls > 0) {
                sleep(step, description);
            }
            problems = poller.followNow(upload.key(), clock.instant()).problems();
            polls++;
        }
    }

    private RotationResult finishSecret(UploadTrigger.RotationStep step, SecretDescription description) {
        String token = step.clientRequestToken();
        DomainSid domain = domainOf(step, description);
        UploadRecord upload = uploader.find(domain, token).orElseThrow(() -> fail(step, description, "version " + token
                + " has not been uploaded to domain " + domain + ": AWSCURRENT stays; run setSecret and testSecret"));
        if (!ACCEPTED.contains(upload.status())) {
            throw fail(step, description, "version " + token + " is " + upload.status() + ", not validated by Twilio ("
                    + upload.detail().orElse("no detail") + "); AWSCURRENT stays on the certificate Twilio serves");
        }
        Optional<String> current = description.versionWithStage(SecretDescription.CURRENT);
        stager.moveStage(description.arn(), SecretDescription.CURRENT, token, current);
        stager.removeStage(description.arn(), SecretDescription.PENDING, token);
        return RotationResult.of(step, "AWSCURRENT moved to version " + token + current.map(c -> " from " + c).orElse("")
                + " (" + upload.status() + ")");
    }

    private DomainSid domainOf(UploadTrigger.RotationStep step, SecretDescription description) {
        BundleSecret bundle;
        try {
            bundle = BundleSecret.read(secrets, description, step.clientRequestToken());
        } catch (SecretNotFoundException e) {
            throw fail(step, description, e.getMessage());
        }
        return switch (bundle.domain()) {
            case DomainResolution.Found found -> found.domain();
            case DomainResolution.Refused refused -> throw fail(step, description, refused.reason());
            case DomainResolution.Unknown unknown -> throw fail(step, description, unknown.reason());
        };
    }

    private void sleep(UploadTrigger.RotationStep step, SecretDescription description) {
        try {
            sleeper.sleep(wait.interval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RotationStepException(step.step().wireName() + " for secret " + description.name()
                    + " was interrupted while waiting for Twilio", e);
        }
    }

    private static RotationStepException fail(UploadTrigger.RotationStep step, SecretDescription description,
            String why) {
        return new RotationStepException(step.step().wireName() + " for secret " + description.name() + " failed: " + why);
    }
}
