package io.certguard.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmMessageTest {

    @Test
    void acceptsTheSnsLimits_exactly() {
        AlarmMessage alarm = new AlarmMessage("S".repeat(99), "d", "e", "x".repeat(140), Map.of("severity", "INFO"));
        assertThat(alarm.subject()).hasSize(99);
    }

    @Test
    void refusesSubjectsOverTheLimitWithLineBreaksOrNonAscii() {
        assertThatThrownBy(() -> message("S".repeat(100), "sms")).hasMessageContaining("1 to 99 printable ASCII");
        assertThatThrownBy(() -> message("two\nlines", "sms")).hasMessageContaining("without line breaks");
        assertThatThrownBy(() -> message("exp\u00efres", "sms")).hasMessageContaining("printable ASCII");
    }

    @Test
    void refusesSmsOverOneSegment() {
        assertThatThrownBy(() -> message("s", "x".repeat(141))).hasMessageContaining("SMS text must be 1 to 140");
    }

    private static AlarmMessage message(String subject, String sms) {
        return new AlarmMessage(subject, "d", "e", sms, Map.of());
    }
}
