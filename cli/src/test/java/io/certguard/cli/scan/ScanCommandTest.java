package io.certguard.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.domain.DomainSid;
import io.certguard.json.JsonObject;
import io.certguard.simulator.OfflineWorld;
import io.certguard.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan command against the Twilio simulator, a TLS server and a DNS responder on loopback. */
class ScanCommandTest {

    static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    static final DomainSid SID = DomainSid.of("DN" + "0123456789abcdef".repeat(2));
    static final String HOST = "links.example.com";
    static final String API_SECRET = "offline-api-key-secret";

    /** The environment of a shell set up for the simulator's account. */
    static final Map<String, String> ENV = Map.of("TWILIO_ACCOUNT_SID", OfflineWorld.CREDENTIALS.accountSid(),
            "TWILIO_API_KEY", OfflineWorld.CREDENTIALS.username(), "TWILIO_API_SECRET", API_SECRET);

    @TempDir
    Path dir;
    private OfflineWorld world;
    private Path state;

    @BeforeEach
    void start() {
        world = OfflineWorld.start(new MutableClock(T0));
        world.addDomain(SID, HOST, T0.plus(Duration.ofDays(40)), UnaryOperator.identity());
        state = dir.resolve(".certguard/state.json");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private String domainArg() {
        return SID + "=" + HOST + ":" + world.tls().port();
    }

    private List<String> common(Instant now) {
        return List.of("--twilio-base-url", world.twilio().baseUri().toString(), "--resolver",
                "127.0.0.1:" + world.dns().address().getPort(), "--state", state.toString(), "--now", now.toString());
    }

    private Result scanAt(Instant now, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--domain", domainArg()));
        args.addAll(common(now));
        args.addAll(List.of(extra));
        return CliHarness.run(ENV, args.toArray(String[]::new));
    }

    @Test
    void aCertificate20DaysFromExpiry_printsThe30131Alarm_once() {
        Result first = scanAt(T0.plus(Duration.ofDays(20)));
        Result again = scanAt(T0.plus(Duration.ofDays(20)).plus(Duration.ofHours(3)));

        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.out()).contains("ALARM [30131 WARNING] links.example.com certificate expires in 20 days")
                .contains("30131 links.example.com: certificate expires in 20 days. Upload a replacement.")
                .contains("What to do (customer-managed certificate)")
                .contains("links.example.com (" + SID + "): checked")
                .contains("days left          Twilio 20 (2026-12-11 06:00 UTC), live 20 (NOT verified")
                .contains("certificate        customer-managed (uploaded)")
                .contains("validation         none in progress")
                .contains("CAA                PERMITTED")
                .contains("ContinueOnFailure  off")
                .contains("alarms             [30131 WARNING] links.example.com certificate expires in 20 days")
                .contains("1 domain as at 2026-11-21 06:00 UTC: 1 checked, 0 with failed checks, 0 not reached; 1 alarm sent");
        assertThat(first.err()).contains("scanning 1 domain as at 2026-11-21 06:00 UTC")
                .contains("[1/1] links.example.com: checked");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).doesNotContain("ALARM ").contains("alarms             none new")
                .contains("0 alarms sent");
        assertThat(Files.exists(state)).isTrue();
    }

    @Test
    void now_evaluatesAsAtThatTime_soNextWeeksAlarmShowsToday() {
        scanAt(T0.plus(Duration.ofDays(20)));

        Result nextWeek = scanAt(T0.plus(Duration.ofDays(34)));

        assertThat(nextWeek.exit()).isZero();
        assertThat(nextWeek.out()).contains("ALARM [30131 CRITICAL] links.example.com certificate expires in 6 days");
    }

    @Test
    void json_hasTheDomainsAndTheAlarms_andStderrNamesThem() {
        Result first = scanAt(T0.plus(Duration.ofDays(20)), "--json");
        Result again = scanAt(T0.plus(Duration.ofDays(20)), "--json");

        assertThat(first.exit()).as(first.toString()).isZero();
        JsonObject json = first.json();
        assertThat(json.asMap()).containsOnlyKeys("domains", "alarms");
        JsonObject domain = JsonObject.of((Map<?, ?>) json.optionalArray("domains").orElseThrow().getFirst());
        assertThat(domain.string("domainSid")).isEqualTo(SID.value());
        assertThat(domain.string("outcome")).isEqualTo("CHECKED");
        assertThat(domain.optionalNumber("twilioDaysLeft").orElseThrow().intValue()).isEqualTo(20);
        assertThat(domain.optionalNumber("liveDaysLeft").orElseThrow().intValue()).isEqualTo(20);
        assertThat(domain.optionalBoolean("managed")).contains(false);
        assertThat(domain.string("caa")).isEqualTo("PERMITTED");
        assertThat(domain.optionalBoolean("continueOnFailure")).contains(false);
        List<Object> alarms = json.optionalArray("alarms").orElseThrow();
        assertThat(alarms).hasSize(1);
        JsonObject alarm = JsonObject.of((Map<?, ?>) alarms.getFirst());
        assertThat(alarm.asMap()).containsOnlyKeys("alarmType", "severity", "errorCode", "domain", "domainSid",
                "subject", "sms");
        assertThat(alarm.asMap()).containsEntry("alarmType", "NO_REPLACEMENT").containsEntry("severity", "WARNING")
                .containsEntry("errorCode", "30131").containsEntry("domain", HOST).containsEntry("domainSid", SID.value());
        assertThat(first.err()).contains("alarm: [30131 WARNING] links.example.com certificate expires in 20 days");
        assertThat(again.json().optionalArray("alarms")).contains(List.of());
    }

    @Test
    void theApiSecret_neverAppears() {
        Result human = scanAt(T0.plus(Duration.ofDays(20)), "--debug");
        Result json = scanAt(T0.plus(Duration.ofDays(34)), "--json");

        assertThat(human.all() + json.all()).doesNotContain(API_SECRET);
    }

    @Test
    void aDomainTwilioDoesNotKnow_isReportedAsFailed_exit1_andTheOthersAreChecked() {
        DomainSid unknown = DomainSid.of("DN" + "f".repeat(32));

        Result result = scanAt(T0.plus(Duration.ofDays(20)), "--domain", unknown + "=other.example.com");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("other.example.com (" + unknown + "): some checks failed")
                .contains("failed check       TWILIO_CERTIFICATE: TwilioNotFoundException")
                .contains("links.example.com (" + SID + "): checked");
    }

    @Test
    void domains_comeFromTheDomainsVariable_whenNoneIsGiven() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("DOMAINS", domainArg());
        List<String> args = new ArrayList<>(List.of("scan"));
        args.addAll(common(T0.plus(Duration.ofDays(20))));

        Result result = CliHarness.run(env, args.toArray(String[]::new));

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("links.example.com (" + SID + "): checked");
    }

    @Test
    void aCorruptStateFile_failsTheRun_exit4_namingTheFile() throws IOException {
        Files.createDirectories(state.getParent());
        Files.writeString(state, "not json");

        Result result = scanAt(T0.plus(Duration.ofDays(20)), "--json");

        assertThat(result.exit()).isEqualTo(4);
        JsonObject domain = JsonObject.of((Map<?, ?>) result.json().optionalArray("domains").orElseThrow().getFirst());
        assertThat(domain.optionalArray("failures").orElseThrow()).map(f -> JsonObject.of((Map<?, ?>) f))
                .allSatisfy(f -> assertThat(f.string("part")).isEqualTo("STATE"))
                .anySatisfy(f -> assertThat(f.string("message")).contains("state file " + state
                        + " is not a certguard state file"));
        assertThat(Files.readString(state)).isEqualTo("not json");
    }

    @Test
    void badInput_isOneLineAndExit2() {
        String now = T0.toString();
        assertUsage(CliHarness.run(Map.of(), "scan", "--domain", domainArg()), "no usable Twilio credentials: "
                + "TWILIO_ACCOUNT_SID is not set");
        assertUsage(CliHarness.run(Map.of("TWILIO_ACCOUNT_SID", "AC" + "1".repeat(32), "TWILIO_API_KEY", "SK" + "2".repeat(32)),
                "scan", "--domain", domainArg()), "TWILIO_API_KEY is set but TWILIO_API_SECRET is not");
        assertUsage(CliHarness.run(ENV, "scan"), "no domains to scan");
        assertUsage(CliHarness.run(ENV, "scan", "--domain", "DN123"), "not a Twilio domain SID");
        assertUsage(CliHarness.run(ENV, "scan", "--domain", SID + "=x.example.com:99999"), "port must be 1 to 65535");
        assertUsage(CliHarness.run(ENV, "scan", "--domain", SID.value(), "--domain", SID + "=a.example.com"),
                "is given more than once");
        assertUsage(CliHarness.run(ENV, "scan", "--domain", SID.value(), "--now", "tomorrow"), "not an ISO-8601 time");
        assertUsage(CliHarness.run(ENV, "scan", "--domain", SID.value(), "--twilio-base-url", "http://example.com"),
                "plain http:// is allowed only for loopback hosts");
        assertUsage(CliHarness.run(ENV, "scan", "--domain", SID.value(), "--resolver", "8.8.8.8:0", "--now", now),
                "port must be 1 to 65535");
        assertUsage(CliHarness.run(Map.of("DOMAINS", "DN1"), "scan"), "DOMAINS is malformed");
    }

    private static void assertUsage(Result result, String message) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("certguard scan: ").contains(message).doesNotContain(API_SECRET);
    }
}
