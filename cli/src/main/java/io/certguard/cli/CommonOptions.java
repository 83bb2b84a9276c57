package io.certguard.cli;

import io.certguard.adapter.dns.DnsSettings;
import io.certguard.adapter.dns.ResolverAddresses;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.domain.DomainSid;
import io.certguard.expiry.AlarmThresholds;
import io.certguard.twilio.TwilioCredentials;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Options several commands share, and how each falls back to the environment the functions read (so a shell set up
 * for the functions works for the command line too).
 */
public final class CommonOptions {

    public static final Option NOW = Option.value("now", "ISO-8601",
            "evaluate as at this time, e.g. 2026-12-01T09:00:00Z or 2026-12-01 (default: now)");
    public static final Option RESOLVER = Option.repeatable("resolver", "IP[:PORT]",
            "DNS resolver for CAA and address look-ups (default: DNS_RESOLVERS, else the system's)");
    public static final Option TWILIO_BASE_URL = Option.value("twilio-base-url", "URL",
            "Twilio API base URL (default: TWILIO_API_BASE_URL, else https://messaging.twilio.com)");

    public static final String DNS_RESOLVERS = "DNS_RESOLVERS";
    public static final String TWILIO_API_BASE_URL = "TWILIO_API_BASE_URL";
    public static final String ALARM_THRESHOLDS_DAYS = "ALARM_THRESHOLDS_DAYS";

    /** What the help of a command that calls Twilio says about credentials. */
    public static final String CREDENTIALS_HELP = "Twilio credentials come from TWILIO_ACCOUNT_SID with TWILIO_API_KEY and"
            + " TWILIO_API_SECRET (an API key, recommended), or with TWILIO_AUTH_TOKEN.";

    private CommonOptions() {
    }

    /** {@code --now}, else the invocation's clock. */
    public static Instant now(Invocation invocation) {
        return invocation.args().value(NOW.name()).map(CommonOptions::parseInstant)
                .orElseGet(() -> invocation.clock().instant());
    }

    static Instant parseInstant(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new UsageException("--now " + Arguments.shown(text) + " is not an ISO-8601 time such as "
                        + "2026-12-01T09:00:00Z, or a date such as 2026-12-01 (midnight UTC)");
            }
        }
    }

    /** The resolvers of {@code --resolver} (each may list several, comma-separated), else of DNS_RESOLVERS. */
    public static Optional<List<InetSocketAddress>> resolvers(Invocation invocation) {
        List<String> given = invocation.args().values(RESOLVER.name());
        try {
            if (!given.isEmpty()) {
                List<InetSocketAddress> all = new ArrayList<>();
                given.forEach(g -> all.addAll(ResolverAddresses.parse(g)));
                return Optional.of(List.copyOf(all));
            }
            return invocation.env(DNS_RESOLVERS).map(ResolverAddresses::parse);
        } catch (IllegalArgumentException e) {
            String source = given.isEmpty() ? DNS_RESOLVERS : "--resolver";
            throw new UsageException(e.getMessage().replaceFirst("^DNS_RESOLVERS", source), e);
        }
    }

    /** How to ask DNS: the given resolvers, else the system's. */
    public static DnsSettings dns(Invocation invocation) {
        List<InetSocketAddress> resolvers = resolvers(invocation).orElseGet(() -> {
            try {
                return ResolverAddresses.fromSystem();
            } catch (IllegalStateException e) {
                throw new UsageException("the system names no DNS resolver: give --resolver IP[:PORT]", e);
            }
        });
        return new DnsSettings(resolvers, DnsSettings.DEFAULT_TIMEOUT, DnsSettings.DEFAULT_ATTEMPTS);
    }

    public static URI twilioBaseUri(Invocation invocation) {
        Optional<String> given = invocation.optionOrEnv(TWILIO_BASE_URL.name(), TWILIO_API_BASE_URL);
        try {
            return TwilioClientSettings.parseBaseUri(given.orElse(null));
        } catch (IllegalArgumentException e) {
            throw new UsageException((invocation.args().value(TWILIO_BASE_URL.name()).isPresent() ? "--twilio-base-url: "
                    : TWILIO_API_BASE_URL + ": ") + e.getMessage(), e);
        }
    }

    /** @throws UsageException saying which variables to set (never showing a value) */
    public static TwilioCredentials credentials(Invocation invocation) {
        try {
            return TwilioCredentials.fromEnvironment(invocation.env());
        } catch (IllegalArgumentException e) {
            throw new UsageException("no usable Twilio credentials: " + e.getMessage() + ". " + CREDENTIALS_HELP, e);
        }
    }

    public static AlarmThresholds thresholds(Invocation invocation) {
        try {
            return AlarmThresholds.parse(invocation.env(ALARM_THRESHOLDS_DAYS).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().startsWith(ALARM_THRESHOLDS_DAYS) ? e.getMessage()
                    : ALARM_THRESHOLDS_DAYS + ": " + e.getMessage(), e);
        }
    }

    /** @throws UsageException naming the option when {@code text} is not a {@code DN…} SID */
    public static DomainSid domainSid(String option, String text) {
        if (!DomainSid.isValid(text.strip())) {
            throw new UsageException(option + " " + Arguments.shown(text)
                    + " is not a Twilio domain SID (DN followed by 32 hex digits)");
        }
        return DomainSid.of(text);
    }
}
