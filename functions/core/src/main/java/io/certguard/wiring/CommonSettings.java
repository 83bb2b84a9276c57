package io.certguard.wiring;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.SecretsManagerSecretSource;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.config.ConfigurationException;
import io.certguard.config.EnvironmentVariables;
import io.certguard.secret.SecretSource;
import io.certguard.secret.VersionSelector;
import io.certguard.twilio.TwilioCredentials;
import io.certguard.twilio.TwilioDomains;
import java.net.URI;
import java.util.Set;

/**
 * The settings every function shares (template.yaml's Globals), read once at init. Each function adds its own
 * variables to {@link #VARIABLES} for its {@link EnvironmentVariables}.
 */
public record CommonSettings(String stateTable, String alarmTopicArn, String twilioCredentialsSecret, URI twilioBaseUri) {

    public static final String STATE_TABLE = "STATE_TABLE";
    public static final String ALARM_TOPIC_ARN = "ALARM_TOPIC_ARN";
    public static final String TWILIO_CREDENTIALS_SECRET = "TWILIO_CREDENTIALS_SECRET";
    public static final String TWILIO_API_BASE_URL = "TWILIO_API_BASE_URL";
    public static final String ALARM_THRESHOLDS_DAYS = "ALARM_THRESHOLDS_DAYS";

    /** The variables in template.yaml's Globals. */
    public static final Set<String> VARIABLES = Set.of(STATE_TABLE, ALARM_TOPIC_ARN, TWILIO_CREDENTIALS_SECRET,
            TWILIO_API_BASE_URL, ALARM_THRESHOLDS_DAYS);

    public static CommonSettings from(EnvironmentVariables env) {
        URI baseUri;
        try {
            baseUri = TwilioClientSettings.parseBaseUri(env.optional(TWILIO_API_BASE_URL).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(TWILIO_API_BASE_URL + ": " + e.getMessage(), e);
        }
        return new CommonSettings(env.required(STATE_TABLE), env.required(ALARM_TOPIC_ARN),
                env.required(TWILIO_CREDENTIALS_SECRET), baseUri);
    }

    /**
     * A Twilio client whose credentials are read from the credentials secret (AWSCURRENT, named explicitly).
     *
     * @throws ConfigurationException when the secret does not hold usable credentials (the message names the field)
     */
    public TwilioDomains twilio(SecretSource secrets) {
        String json = secrets.read(twilioCredentialsSecret, VersionSelector.CURRENT).valueAsText();
        TwilioCredentials credentials;
        try {
            credentials = TwilioCredentials.fromSecretJson(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(TWILIO_CREDENTIALS_SECRET + " (" + twilioCredentialsSecret + "): "
                    + e.getMessage(), e);
        }
        return new TwilioHttpClient(TwilioClientSettings.defaults(twilioBaseUri), credentials);
    }

    public SecretSource secrets(AwsClients aws) {
        return new SecretsManagerSecretSource(aws.secretsManager());
    }
}
