package io.certguard.adapter.twilio;

import io.certguard.config.ConfigurationException;
import io.certguard.scan.TwilioAccounts;
import io.certguard.secret.SecretSource;
import io.certguard.secret.VersionSelector;
import io.certguard.twilio.TwilioCredentials;
import io.certguard.twilio.TwilioDomains;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twilio clients keyed by the credentials secret they use: the default one, or a domain's own (another account or a
 * subaccount). Each secret is read on first use and again after {@link #TTL}, so a rotated API key is picked up
 * without a redeploy, and a scan of many domains reads each secret once. Secrets are never read at init, so a
 * SnapStart snapshot holds none.
 */
public final class SecretTwilioAccounts implements TwilioAccounts {

    public static final Duration TTL = Duration.ofMinutes(15);

    private final SecretSource secrets;
    private final String defaultSecret;
    private final TwilioClientSettings settings;
    private final Clock clock;
    private final Map<String, Entry> clients = new ConcurrentHashMap<>();

    private record Entry(TwilioDomains client, Instant loadedAt) {
    }

    public SecretTwilioAccounts(SecretSource secrets, String defaultSecret, TwilioClientSettings settings, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.defaultSecret = Objects.requireNonNull(defaultSecret, "defaultSecret");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TwilioDomains forDomain(Optional<String> credentialsSecret) {
        String secret = credentialsSecret.filter(s -> !s.isBlank()).orElse(defaultSecret);
        Instant now = clock.instant();
        return clients.compute(secret, (id, cached) -> cached != null && now.isBefore(cached.loadedAt().plus(TTL))
                ? cached : new Entry(new TwilioHttpClient(settings, read(id)), now)).client();
    }

    private TwilioCredentials read(String secretId) {
        String json = secrets.read(secretId, VersionSelector.CURRENT).valueAsText();
        try {
            return TwilioCredentials.fromSecretJson(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Twilio credentials secret " + secretId + ": " + e.getMessage(), e);
        }
    }
}
