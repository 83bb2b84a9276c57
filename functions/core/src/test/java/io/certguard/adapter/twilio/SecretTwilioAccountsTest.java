package io.certguard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.config.ConfigurationException;
import io.certguard.secret.SecretSource;
import io.certguard.secret.SecretVersion;
import io.certguard.secret.VersionSelector;
import io.certguard.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTwilioAccountsTest {

    private final List<String> reads = new ArrayList<>();
    private final Map<String, String> secrets = Map.of(
            "default", "{\"accountSid\":\"AC" + "1".repeat(32) + "\",\"authToken\":\"token-1\"}",
            "subaccount", "{\"accountSid\":\"AC" + "2".repeat(32) + "\",\"apiKeySid\":\"SK" + "3".repeat(32)
                    + "\",\"apiKeySecret\":\"key-secret\"}",
            "broken", "{\"accountSid\":\"AC" + "4".repeat(32) + "\"}");
    private final SecretSource source = new SecretSource() {
        @Override
        public SecretVersion read(String secretId, VersionSelector selector) {
            reads.add(secretId + " " + selector);
            return SecretVersion.ofText("arn:" + secretId, secretId, "v1", List.of("AWSCURRENT"), secrets.get(secretId));
        }

        @Override
        public Map<String, String> tags(String secretId) {
            throw new UnsupportedOperationException("credentials need no tags");
        }

        @Override
        public io.certguard.secret.SecretDescription describe(String secretId) {
            throw new UnsupportedOperationException("credentials are read as AWSCURRENT, never described");
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final SecretTwilioAccounts accounts = new SecretTwilioAccounts(source, "default",
            TwilioClientSettings.defaults(), clock);

    @Test
    void eachSecretIsReadOnce_perTtl_explicitlyAsAwsCurrent() {
        accounts.forDomain(Optional.empty());
        accounts.forDomain(Optional.of(" "));
        accounts.forDomain(Optional.of("subaccount"));
        accounts.forDomain(Optional.of("subaccount"));
        clock.advance(SecretTwilioAccounts.TTL);
        accounts.forDomain(Optional.empty());

        assertThat(reads).containsExactly("default Stage[label=AWSCURRENT]", "subaccount Stage[label=AWSCURRENT]",
                "default Stage[label=AWSCURRENT]");
    }

    @Test
    void aSecretWithoutUsableCredentials_isAConfigurationErrorNamingIt_withoutItsValue() {
        assertThatThrownBy(() -> accounts.forDomain(Optional.of("broken")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Twilio credentials secret broken")
                .hasMessageContaining("\"authToken\"")
                .hasMessageNotContaining("AC" + "4".repeat(32) + "\"}");
    }
}
