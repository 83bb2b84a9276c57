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
        assertThat(result.out()).contains("[1/8] A Link Shortening domain whose uploaded certificate expires in 10 days")
                .contains("[2/8] The daily scan").contains("days left          Twilio 10")
                .contains("live 10 (verified)")
                .contains("[3/8] The 30131 alarm")
                .contains("ALARM [30131 WARNING] links.example.com certificate expires in 10 days")
                .contains("30131 links.example.com: certificate expires in 10 days. Upload a replacement.")
                .contains("./certguard check-bundle bundle.pem --domain links.example.com")
                .contains("[4/8] A renewed certificate, valid 90 days, is stored as a new bundle")
                .contains("[5/8] The bundle is validated").contains("uploadable for links.example.com")
                .contains("[6/8] Uploaded to Twilio (TlsCert)").contains("Certificate: accepted")
                .contains("[7/8] The validation poll follows it").contains("Poll 1    VALIDATING: pending")
                .contains("now serves the renewed certificate").contains("LIVE: served on the domain")
                .contains("[8/8] The RESOLVED alarm")
                .contains("ALARM [RESOLVED INFO] links.example.com certificate replaced, now expires")
                .contains("Upload status:     LIVE");
        assertThat(result.out().indexOf("[8/8]")).isGreaterThan(result.out().indexOf("LIVE: served on the domain"));
        assertThat(result.all()).doesNotContain("offline-api-key-secret").doesNotContain("-----BEGIN");
    }

    @Test
    void json_hasTheStepsTheScanAndTheAlarm() {
        Result result = CliHarness.run(Map.of(), "demo", "--json");

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonObject json = result.json();
        assertThat(json.asMap()).containsOnlyKeys("steps", "domains", "alarms");
        assertThat(json.optionalArray("steps").orElseThrow()).hasSize(8);
        assertThat(json.optionalArray("alarms").orElseThrow()).map(a -> JsonObject.of((Map<?, ?>) a).string("alarmType"))
                .containsExactly("NO_REPLACEMENT", "RESOLVED");
        assertThat(result.err().lines()).containsExactly(
                "[1/8] A Link Shortening domain whose uploaded certificate expires in 10 days",
                "[2/8] The daily scan: Twilio's certificate, the live TLS endpoint, CAA",
                "[3/8] The 30131 alarm, as email and SMS subscribers receive it",
                "[4/8] A renewed certificate, valid 90 days, is stored as a new bundle",
                "[5/8] The bundle is validated, as ./certguard check-bundle and the upload function do",
                "[6/8] Uploaded to Twilio (TlsCert) and recorded for the validation poll",
                "[7/8] The validation poll follows it until the domain serves the new certificate",
                "[8/8] The RESOLVED alarm: the certificate was replaced and is served");
    }
}
