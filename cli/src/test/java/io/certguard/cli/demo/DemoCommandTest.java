package io.certguard.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo in-process: the story's steps and the 30131 alarm; the process run is LauncherIT's. */
class DemoCommandTest {

    @Test
    void theStory_endsWithThe30131AlarmAsEmailAndSms_exit0() {
        Result result = CliHarness.run(Map.of(), "demo");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[1/3] A Link Shortening domain whose uploaded certificate expires in 10 days")
                .contains("[2/3] The daily scan").contains("days left          Twilio 10")
                .contains("live 10 (verified)")
                .contains("[3/3] The 30131 alarm")
                .contains("ALARM [30131 WARNING] links.example.com certificate expires in 10 days")
                .contains("30131 links.example.com: certificate expires in 10 days. Upload a replacement.")
                .contains("./certguard check-bundle bundle.pem --domain links.example.com");
        assertThat(result.all()).doesNotContain("offline-api-key-secret").doesNotContain("-----BEGIN");
    }

    @Test
    void json_hasTheStepsTheScanAndTheAlarm() {
        Result result = CliHarness.run(Map.of(), "demo", "--json");

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonObject json = result.json();
        assertThat(json.asMap()).containsOnlyKeys("steps", "domains", "alarms");
        assertThat(json.optionalArray("steps").orElseThrow()).hasSize(3);
        assertThat(json.optionalArray("alarms").orElseThrow()).singleElement()
                .satisfies(a -> assertThat(JsonObject.of((Map<?, ?>) a).string("errorCode")).isEqualTo("30131"));
        assertThat(result.err().lines()).containsExactly(
                "[1/3] A Link Shortening domain whose uploaded certificate expires in 10 days",
                "[2/3] The daily scan: Twilio's certificate, the live TLS endpoint, CAA",
                "[3/3] The 30131 alarm, as email and SMS subscribers receive it");
    }
}
