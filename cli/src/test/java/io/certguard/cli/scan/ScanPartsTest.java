package io.certguard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublishException;
import io.certguard.twilio.TwilioDomains;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scan command's small parts: the alarm printer, the recorder, the single account. */
class ScanPartsTest {

    private static final AlarmMessage ALARM = new AlarmMessage("[30131 WARNING] links.example.com certificate expires",
            "default text", "links.example.com: certificate expires in 20 days.\n\nWhat to do: upload one.",
            "30131 links.example.com: certificate expires in 20 days.", Map.of("alarm_type", "NO_REPLACEMENT",
                    "severity", "WARNING", "error_code", "30131", "domain", "links.example.com", "domain_sid", "DNx"));

    @Test
    void thePrinter_showsSubjectSmsAndEmail_orJustTheSubject() {
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        ByteArrayOutputStream brief = new ByteArrayOutputStream();

        String id = AlarmPrinter.full(new PrintStream(full, true, StandardCharsets.UTF_8)).publish(ALARM);
        AlarmPrinter.subjects(new PrintStream(brief, true, StandardCharsets.UTF_8)).publish(ALARM);

        assertThat(id).isEqualTo("printed-1");
        assertThat(full.toString(StandardCharsets.UTF_8)).isEqualTo("""
                ALARM [30131 WARNING] links.example.com certificate expires
                  SMS (56 characters):
                    30131 links.example.com: certificate expires in 20 days.
                  Email:
                    links.example.com: certificate expires in 20 days.

                    What to do: upload one.

                """);
        assertThat(brief.toString(StandardCharsets.UTF_8))
                .isEqualTo("alarm: [30131 WARNING] links.example.com certificate expires\n");
    }

    @Test
    void theRecorder_keepsWhatWentOut_notWhatFailed() {
        RecordedAlarms ok = new RecordedAlarms(alarm -> "m-1");
        RecordedAlarms failing = new RecordedAlarms(alarm -> {
            throw new AlarmPublishException("topic gone", null);
        });

        ok.publish(ALARM);

        assertThat(ok.published()).containsExactly(new PublishedAlarm(ALARM, "m-1"));
        assertThat(ok.published().getFirst().json()).containsEntry("alarmType", "NO_REPLACEMENT")
                .containsEntry("sms", ALARM.smsText());
        assertThatThrownBy(() -> failing.publish(ALARM)).isInstanceOf(AlarmPublishException.class);
        assertThat(failing.published()).isEmpty();
    }

    @Test
    void theSingleAccount_servesDefaultCredentials_andRefusesAnotherAccountsSecret() {
        TwilioDomains api = (TwilioDomains) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TwilioDomains.class}, (proxy, method, args) -> null);
        SingleAccount account = new SingleAccount(api);

        assertThat(account.forDomain(Optional.empty())).isSameAs(api);
        assertThatThrownBy(() -> account.forDomain(Optional.of("other/credentials")))
                .hasMessageContaining("secret other/credentials");
    }
}
