package io.certguard.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioCredentialsTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String KEY = "SK0123456789abcdef0123456789abcdef";
    private static final String SECRET = "s3cret-DO-NOT-LEAK";

    @Test
    void apiKeyAuthenticatesAsTheKey() {
        TwilioCredentials credentials = TwilioCredentials.apiKey(ACCOUNT, KEY, SECRET);

        assertThat(credentials.accountSid()).isEqualTo(ACCOUNT);
        assertThat(credentials.username()).isEqualTo(KEY);
        assertThat(credentials.usesApiKey()).isTrue();
        assertThat(decode(credentials.basicAuthorization())).isEqualTo(KEY + ":" + SECRET);
    }

    @Test
    void authTokenAuthenticatesAsTheAccount() {
        TwilioCredentials credentials = TwilioCredentials.authToken(ACCOUNT, SECRET);

        assertThat(credentials.username()).isEqualTo(ACCOUNT);
        assertThat(credentials.usesApiKey()).isFalse();
        assertThat(decode(credentials.basicAuthorization())).isEqualTo(ACCOUNT + ":" + SECRET);
    }

    @Test
    void toStringRedactsTheSecret() {
        assertThat(TwilioCredentials.apiKey(ACCOUNT, KEY, SECRET).toString())
                .isEqualTo("TwilioCredentials[account=" + ACCOUNT + ", user=" + KEY + ", secret=redacted]")
                .doesNotContain(SECRET);
        assertThat(TwilioCredentials.authToken(ACCOUNT, SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void readsBothSecretShapes() {
        TwilioCredentials key = TwilioCredentials.fromSecretJson(
                "{\"accountSid\": \"" + ACCOUNT + "\", \"apiKeySid\": \"" + KEY + "\", \"apiKeySecret\": \"" + SECRET + "\"}");
        TwilioCredentials token = TwilioCredentials.fromSecretJson(
                "{\"accountSid\": \"" + ACCOUNT + "\", \"authToken\": \"" + SECRET + "\"}");

        assertThat(key.usesApiKey()).isTrue();
        assertThat(token.usesApiKey()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"apiKeySid\": \"" + KEY + "\", \"apiKeySecret\": \"" + SECRET + "\"}",
            "{\"accountSid\": \"" + ACCOUNT + "\", \"apiKeySid\": \"" + KEY + "\"}",
            "{\"accountSid\": \"" + ACCOUNT + "\"}",
            "{\"accountSid\": \"" + ACCOUNT + "\", \"authToken\": 12345}",
            "{\"accountSid\": \"AC123\", \"authToken\": \"" + SECRET + "\"}",
            "{\"accountSid\": \"" + ACCOUNT + "\", \"apiKeySid\": \"" + ACCOUNT + "\", \"apiKeySecret\": \"" + SECRET + "\"}",
            "{\"accountSid\": \"" + ACCOUNT + "\", \"authToken\": \"   \"}",
            "[\"" + SECRET + "\"]"})
    void refusesBadSecretsNamingTheFieldButNeverTheSecret(String json) {
        assertThatThrownBy(() -> TwilioCredentials.fromSecretJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET).hasMessageNotContaining("12345");
    }

    @Test
    void malformedSecretJsonSaysSo() {
        assertThatThrownBy(() -> TwilioCredentials.fromSecretJson("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Twilio credentials secret is not a JSON object");
    }

    @Test
    void readsTheEnvironmentPreferringAnApiKey() {
        TwilioCredentials key = TwilioCredentials.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT,
                "TWILIO_API_KEY", " " + KEY + " ", "TWILIO_API_SECRET", SECRET, "TWILIO_AUTH_TOKEN", "ignored"));
        TwilioCredentials token = TwilioCredentials.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT,
                "TWILIO_AUTH_TOKEN", SECRET));

        assertThat(key.username()).isEqualTo(KEY);
        assertThat(token.username()).isEqualTo(ACCOUNT);
    }

    @Test
    void environmentErrorsNameTheVariable() {
        assertThatThrownBy(() -> TwilioCredentials.fromEnvironment(Map.of())).hasMessage("TWILIO_ACCOUNT_SID is not set");
        assertThatThrownBy(() -> TwilioCredentials.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT,
                "TWILIO_API_KEY", KEY))).hasMessage("TWILIO_API_KEY is set but TWILIO_API_SECRET is not");
        assertThatThrownBy(() -> TwilioCredentials.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", ACCOUNT)))
                .hasMessageContaining("TWILIO_AUTH_TOKEN");
    }

    private static String decode(String header) {
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    }
}
