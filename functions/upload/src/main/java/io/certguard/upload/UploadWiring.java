package io.certguard.upload;

import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.config.EnvironmentVariables;
import io.certguard.retry.Sleeper;
import io.certguard.validation.PollSettings;
import io.certguard.validation.ValidationPoller;
import io.certguard.validation.ValidationPolicy;
import io.certguard.wiring.CommonSettings;
import io.certguard.wiring.FunctionRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The only place the upload function reads its environment and builds its use cases; called once per container, at
 * init. SDK clients are built here; Twilio credentials are read on first use. The rotation's testSecret follows uploads
 * with the validation poll's policy, so it reads the poll's two settings too (template.yaml sets them for both).
 */
public final class UploadWiring {

    public static final String VALIDATION_TIMEOUT_MINUTES = "VALIDATION_TIMEOUT_MINUTES";
    public static final String LIVE_GRACE_MINUTES = "LIVE_GRACE_MINUTES";
    /** testSecret follows one upload: no concurrency needed. */
    static final int POLL_CONCURRENCY = 1;

    /** Every variable the upload function reads; template.yaml must set each (a test checks). */
    public static final Set<String> VARIABLES;

    static {
        Set<String> names = new HashSet<>(CommonSettings.VARIABLES);
        names.addAll(Set.of(VALIDATION_TIMEOUT_MINUTES, LIVE_GRACE_MINUTES));
        VARIABLES = Set.copyOf(names);
    }

    private UploadWiring() {
    }

    /** The function's use cases: uploads of new versions, and the rotation steps. */
    public record Upload(CertificateUploader uploader, SecretRotation rotation) {
    }

    /**
     * @param clock   the rotation's clock (testSecret reads it between polls)
     * @param sleeper how testSecret waits between polls
     */
    public static Upload fromEnvironment(Map<String, String> environment, Clock clock, Sleeper sleeper) {
        EnvironmentVariables env = new EnvironmentVariables(environment, VARIABLES);
        CommonSettings common = CommonSettings.from(env);
        PollSettings poll = PollSettings.of(Duration.ofMinutes(env.positiveInt(VALIDATION_TIMEOUT_MINUTES, 30)),
                Duration.ofMinutes(env.positiveInt(LIVE_GRACE_MINUTES, 60)));
        FunctionRuntime runtime = new FunctionRuntime(common, AwsEndpoints.from(environment));
        UploadSettings settings = UploadSettings.of(common.certificateSecretPrefix(), common.thresholds(),
                poll.delayAfter(0));
        UploadAlarmRenderer renderer = new UploadAlarmRenderer();
        CertificateUploader uploader = new CertificateUploader(runtime.store(), runtime.secrets(), runtime.twilio(),
                runtime.publisher(), renderer, new UploadPolicy(settings), runtime::domain);
        ValidationPoller poller = new ValidationPoller(runtime.store(), runtime.twilio(), runtime.served(),
                runtime.publisher(), renderer, new ValidationPolicy(poll), runtime::domain, POLL_CONCURRENCY);
        SecretRotation rotation = new SecretRotation(runtime.secrets(), runtime.secretStager(), uploader, poller, settings,
                SecretRotation.Wait.defaults(), sleeper, clock);
        return new Upload(uploader, rotation);
    }
}
