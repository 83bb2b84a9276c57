package io.certguard.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioClientSettingsTest {

    @Test
    void defaultsToTwiliosMessagingHost() {
        assertThat(TwilioClientSettings.defaults().baseUri()).isEqualTo(URI.create("https://messaging.twilio.com"));
        assertThat(TwilioClientSettings.parseBaseUri(null)).isEqualTo(TwilioClientSettings.DEFAULT_BASE_URI);
        assertThat(TwilioClientSettings.parseBaseUri("  ")).isEqualTo(TwilioClientSettings.DEFAULT_BASE_URI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://messaging.twilio.com", "https://messaging.dublin.ie1.twilio.com",
            "HTTPS://proxy.example.com:8443/twilio"})
    void acceptsHttpsAnywhere(String url) {
        assertThat(TwilioClientSettings.parseBaseUri(url).getHost()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1234", "http://LOCALHOST", "http://[::1]:9000",
            "http://127.0.0.2"})
    void acceptsPlainHttpOnlyOnLoopback(String url) {
        assertThat(TwilioClientSettings.parseBaseUri(url).getScheme()).isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://messaging.twilio.com", "http://10.0.0.1", "http://localhost.example.com",
            "http://[2001:db8::1]"})
    void refusesPlainHttpElsewhereSoCredentialsStayEncrypted(String url) {
        assertThatThrownBy(() -> TwilioClientSettings.parseBaseUri(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only for loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://messaging.twilio.com", "messaging.twilio.com", "https://", "https://user:pw@messaging.twilio.com",
            "https://messaging.twilio.com?x=1", "https://messaging.twilio.com#f", "https://bad host"})
    void refusesWhatIsNotABaseUrl(String url) {
        assertThatThrownBy(() -> TwilioClientSettings.parseBaseUri(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Twilio API base URL");
    }

    @Test
    void userInfoIsNotEchoedBack() {
        assertThatThrownBy(() -> TwilioClientSettings.parseBaseUri("https://AC1:token-secret@messaging.twilio.com"))
                .hasMessageNotContaining("token-secret");
    }

    @Test
    void dropsATrailingSlashSoPathsJoinCleanly() {
        assertThat(TwilioClientSettings.parseBaseUri("https://messaging.twilio.com/")).hasToString("https://messaging.twilio.com");
        assertThat(TwilioClientSettings.defaults(URI.create("http://127.0.0.1:9/")).baseUri()).hasToString("http://127.0.0.1:9");
    }

    @Test
    void withersKeepTheOtherSettings() {
        TwilioClientSettings settings = TwilioClientSettings.defaults()
                .withTimeouts(Duration.ofMillis(100), Duration.ofMillis(200))
                .withRetry(RetryPolicy.none());

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.retry()).isEqualTo(RetryPolicy.none());
        assertThat(settings.baseUri()).isEqualTo(TwilioClientSettings.DEFAULT_BASE_URI);
    }

    @Test
    void refusesATinyBodyCap() {
        assertThatThrownBy(() -> new TwilioClientSettings(TwilioClientSettings.DEFAULT_BASE_URI, Duration.ofSeconds(1),
                Duration.ofSeconds(1), RetryPolicy.none(), 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBodyBytes");
    }

    @Test
    void loopbackCheckUsesLiteralsOnly() {
        assertThat(TwilioClientSettings.isLoopback("127.0.0.1")).isTrue();
        assertThat(TwilioClientSettings.isLoopback("[::1]")).isTrue();
        assertThat(TwilioClientSettings.isLoopback("192.168.1.1")).isFalse();
        assertThat(TwilioClientSettings.isLoopback("loopback.example")).as("names are never resolved").isFalse();
    }
}
