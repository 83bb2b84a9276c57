package io.certguard.validationpoll;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.config.EnvironmentVariables;
import io.certguard.state.StateStore;
import io.certguard.wiring.CommonSettings;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The only place the validation-poll function reads its environment and builds its adapters. */
public final class ValidationPollWiring {

    public static final String VALIDATION_TIMEOUT_MINUTES = "VALIDATION_TIMEOUT_MINUTES";
    public static final String LIVE_GRACE_MINUTES = "LIVE_GRACE_MINUTES";

    /** Every variable the validation-poll function reads; template.yaml must set each (a test checks). */
    public static final Set<String> VARIABLES;

    static {
        Set<String> names = new HashSet<>(CommonSettings.VARIABLES);
        names.addAll(Set.of(VALIDATION_TIMEOUT_MINUTES, LIVE_GRACE_MINUTES));
        VARIABLES = Set.copyOf(names);
    }

    private final StateStore store;

    private ValidationPollWiring(StateStore store) {
        this.store = store;
    }

    public static ValidationPollWiring fromEnvironment(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, VARIABLES);
        CommonSettings common = CommonSettings.from(env);
        env.positiveInt(VALIDATION_TIMEOUT_MINUTES, 30);
        env.positiveInt(LIVE_GRACE_MINUTES, 60);
        return new ValidationPollWiring(new DynamoDbStateStore(new AwsClients().dynamoDb(), common.stateTable()));
    }

    public StateStore store() {
        return store;
    }
}
