package io.certguard.validationpoll;

import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.config.EnvironmentVariables;
import io.certguard.upload.UploadAlarmRenderer;
import io.certguard.validation.PollSettings;
import io.certguard.validation.ValidationPoller;
import io.certguard.validation.ValidationPolicy;
import io.certguard.wiring.CommonSettings;
import io.certguard.wiring.FunctionRuntime;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The only place the validation-poll function reads its environment and builds its use case (once, at init). */
public final class ValidationPollWiring {

    public static final String VALIDATION_TIMEOUT_MINUTES = "VALIDATION_TIMEOUT_MINUTES";
    public static final String LIVE_GRACE_MINUTES = "LIVE_GRACE_MINUTES";
    static final int CONCURRENCY = 8;

    /** Every variable the validation-poll function reads; template.yaml must set each (a test checks). */
    public static final Set<String> VARIABLES;

    static {
        Set<String> names = new HashSet<>(CommonSettings.VARIABLES);
        names.addAll(Set.of(VALIDATION_TIMEOUT_MINUTES, LIVE_GRACE_MINUTES));
        VARIABLES = Set.copyOf(names);
    }

    private ValidationPollWiring() {
    }

    public static ValidationPoller fromEnvironment(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, VARIABLES);
        FunctionRuntime runtime = new FunctionRuntime(CommonSettings.from(env), AwsEndpoints.from(environment));
        PollSettings settings = PollSettings.of(Duration.ofMinutes(env.positiveInt(VALIDATION_TIMEOUT_MINUTES, 30)),
                Duration.ofMinutes(env.positiveInt(LIVE_GRACE_MINUTES, 60)));
        return new ValidationPoller(runtime.store(), runtime.twilio(), runtime.served(), runtime.publisher(),
                new UploadAlarmRenderer(), new ValidationPolicy(settings), runtime::domain, CONCURRENCY);
    }
}
