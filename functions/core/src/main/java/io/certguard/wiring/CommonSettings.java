package io.certguard.wiring;

import io.certguard.adapter.dns.DnsSettings;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.config.ConfigurationException;
import io.certguard.config.EnvironmentVariables;
import io.certguard.domain.DomainList;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.AlarmThresholds;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The settings every function shares (template.yaml's Globals), read and checked once at init: a bad value stops the
 * function with a message naming the variable, before any event is taken.
 */
public record CommonSettings(String stateTable, String alarmTopicArn, String twilioCredentialsSecret, URI twilioBaseUri,
        AlarmThresholds thresholds, List<MonitoredDomain> domains, DnsSettings dns, boolean customResolvers,
        String certificateSecretPrefix) {

    public static final String STATE_TABLE = "STATE_TABLE";
    public static final String ALARM_TOPIC_ARN = "ALARM_TOPIC_ARN";
    public static final String TWILIO_CREDENTIALS_SECRET = "TWILIO_CREDENTIALS_SECRET";
    public static final String TWILIO_API_BASE_URL = "TWILIO_API_BASE_URL";
    public static final String ALARM_THRESHOLDS_DAYS = "ALARM_THRESHOLDS_DAYS";
    public static final String DOMAINS = "DOMAINS";
    public static final String DNS_RESOLVERS = "DNS_RESOLVERS";
    public static final String CERTIFICATE_SECRET_PREFIX = "CERTIFICATE_SECRET_PREFIX";

    /** The variables in template.yaml's Globals. */
    public static final Set<String> VARIABLES = Set.of(STATE_TABLE, ALARM_TOPIC_ARN, TWILIO_CREDENTIALS_SECRET,
            TWILIO_API_BASE_URL, ALARM_THRESHOLDS_DAYS, DOMAINS, DNS_RESOLVERS, CERTIFICATE_SECRET_PREFIX);

    public static CommonSettings from(EnvironmentVariables env) {
        return new CommonSettings(env.required(STATE_TABLE), env.required(ALARM_TOPIC_ARN),
                env.required(TWILIO_CREDENTIALS_SECRET),
                parse(TWILIO_API_BASE_URL, () -> TwilioClientSettings.parseBaseUri(env.optional(TWILIO_API_BASE_URL).orElse(null))),
                parse(ALARM_THRESHOLDS_DAYS, () -> AlarmThresholds.parse(env.optional(ALARM_THRESHOLDS_DAYS).orElse(""))),
                parse(DOMAINS, () -> DomainList.parse(env.optional(DOMAINS).orElse(""))),
                parse(DNS_RESOLVERS, () -> DnsSettings.fromSetting(env.optional(DNS_RESOLVERS))),
                env.optional(DNS_RESOLVERS).isPresent(),
                env.optional(CERTIFICATE_SECRET_PREFIX).orElse("certguard/"));
    }

    private static <T> T parse(String variable, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            String message = e.getMessage();
            throw new ConfigurationException(message.startsWith(variable) ? message : variable + ": " + message, e);
        }
    }
}
