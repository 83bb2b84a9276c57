package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import io.certguard.domain.DomainSid;
import io.certguard.twilio.DomainCertificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScanAlarmRendererTest {

    private static final DomainSid SID = new DomainSid("DN" + "d".repeat(32));
    private static final Instant EXPIRES = Instant.parse("2026-12-11T10:00:00Z");
    private static final Pattern GSM7_BASIC_ASCII = Pattern.compile("[@$ !\"#%&'()*+,\\-./0-9:;<=>?A-Z_a-z]*");
    private final ScanAlarmRenderer renderer = new ScanAlarmRenderer("certguard/certificates/");

    @Test
    void expiringCustomerManagedCertificate_asAPersonReceivesIt() {
        AlarmMessage message = renderer.render(alarm(AlarmType.NO_REPLACEMENT, Severity.WARNING, Remedy.UPLOAD_REPLACEMENT,
                "links.example.com", 14, OptionalInt.of(14), true));

        assertThat(message.subject()).isEqualTo("[30131 WARNING] links.example.com certificate expires in 14 days");
        assertThat(message.smsText()).isEqualTo("30131 links.example.com: certificate expires in 14 days. Upload a replacement.");
        assertThat(message.emailText())
                .contains("Domain SID:        " + SID)
                .contains("Expires:           2026-12-11 10:00 UTC (14 days left)")
                .contains("Managed by:        you (uploaded certificate)")
                .contains("ContinueOnFailure: enabled - if the certificate expires, messages go out with the original long links")
                .contains("./certguard check-bundle bundle.pem --domain links.example.com")
                .contains("certguard:domain-sid=" + SID)
                .contains("https://www.twilio.com/docs/api/errors/30131")
                .doesNotContain(": null").doesNotContain("Optional");
        assertThat(message.attributes()).containsEntry("error_code", "30131").containsEntry("alarm_type", "NO_REPLACEMENT")
                .containsEntry("severity", "WARNING").containsEntry("domain", "links.example.com")
                .containsEntry("domain_sid", SID.value());
    }

    static Stream<Arguments> everyTypeWithAHostileHost() {
        String longHost = "a-very-long-subdomain-name-that-goes-on." + "x".repeat(60) + ".links.example.com";
        return ScanAlarm.TYPES.stream().flatMap(type -> Stream.of(
                Arguments.of(type, "links.example.com"), Arguments.of(type, longHost)));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyTypeWithAHostileHost")
    void everyAlarmFitsItsChannels(AlarmType type, String host) {
        AlarmMessage message = renderer.render(alarm(type, Severity.CRITICAL, Remedy.ALLOW_LETSENCRYPT_IN_CAA, host, -3,
                OptionalInt.empty(), false));

        assertThat(message.subject()).hasSizeLessThan(100).doesNotContain("\n");
        assertThat(message.smsText()).hasSizeLessThanOrEqualTo(140).matches(GSM7_BASIC_ASCII);
        assertThat(message.attributes()).containsEntry("alarm_type", type.name());
        assertThat(message.emailText()).contains(SID.value());
    }

    @Test
    void expiredAlarmLinksTheExpiryDoc() {
        AlarmMessage message = renderer.render(alarm(AlarmType.EXPIRED, Severity.CRITICAL, Remedy.UPLOAD_REPLACEMENT,
                "links.example.com", -3, OptionalInt.empty(), false));
        assertThat(message.subject()).isEqualTo("[30102 CRITICAL] links.example.com certificate EXPIRED over 2 days ago - links are failing");
        assertThat(message.emailText()).contains("https://www.twilio.com/docs/api/errors/30102")
                .contains("disabled - if the certificate expires, shortened links stop working");
    }

    private static ScanAlarm alarm(AlarmType type, Severity severity, Remedy remedy, String host, long daysLeft,
            OptionalInt threshold, boolean continueOnFailure) {
        DomainCertificate certificate = new DomainCertificate(SID, Optional.of("CW" + "e".repeat(32)),
                Optional.of("https://" + host), Optional.empty(), Optional.empty(), Optional.of(EXPIRES),
                Optional.of(false), Optional.of(false), Optional.empty(), "v2");
        DomainObservation observation = new DomainObservation(SID, host, Optional.of(certificate),
                Optional.of(continueOnFailure), Optional.of(true), Optional.of(""), Optional.empty(),
                Optional.of(new CaaStatus(CaaStatus.Kind.DENIED, "issue \"digicert.com\" at example.com")), false,
                List.of());
        return new ScanAlarm(type, severity, observation, remedy, Optional.of(EXPIRES), Optional.of(daysLeft), threshold,
                type == AlarmType.RESOLVED ? Optional.of(EXPIRES.minusSeconds(86_400 * 60)) : Optional.empty(), 3,
                new StateMark.CheckFailedSent());
    }
}
