package io.certguard.cli.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.domain.DomainSid;
import io.certguard.json.JsonObject;
import io.certguard.loopback.DnsFault;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.RecordedRequest;
import io.certguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** request-managed against the Twilio simulator and a DNS responder answering CAA. */
class RequestManagedCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    private static final DomainSid SID = DomainSid.of("DN" + "abcdef0123456789".repeat(2));
    private static final String HOST = "links.example.com";
    private static final Map<String, String> ENV = Map.of("TWILIO_ACCOUNT_SID", OfflineWorld.CREDENTIALS.accountSid(),
            "TWILIO_API_KEY", OfflineWorld.CREDENTIALS.username(), "TWILIO_API_SECRET", "offline-api-key-secret");

    private OfflineWorld world;

    @BeforeEach
    void start() {
        world = OfflineWorld.start(new MutableClock(T0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private Result request(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("request-managed", "--domain-sid", SID.value(),
                "--twilio-base-url", world.twilio().baseUri().toString(), "--resolver",
                "127.0.0.1:" + world.dns().address().getPort()));
        args.addAll(List.of(extra));
        return CliHarness.run(ENV, args.toArray(String[]::new));
    }

    private boolean requested() {
        return world.twilio().requests().stream().map(RecordedRequest::path)
                .anyMatch(p -> p.endsWith("/" + SID + "/RequestManagedCert"));
    }

    @Test
    void caaPermitting_requestsTheManagedCertificate_exit0() {
        world.addDomain(SID, HOST, T0.plus(Duration.ofDays(20)), UnaryOperator.identity());
        world.dns().addCaa("example.com", 0, "issue", "letsencrypt.org");

        Result result = request();

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(requested()).isTrue();
        assertThat(result.out()).contains("links.example.com (" + SID + "): requested a Twilio-managed certificate")
                .contains("managed=true").contains("CAA: the CAA records at example.com authorise letsencrypt.org");
    }

    @Test
    void caaDenying_refusesWithTheReason_exit1_andRequestsNothing() {
        world.addDomain(SID, HOST, T0.plus(Duration.ofDays(20)), UnaryOperator.identity());
        world.dns().addCaa("example.com", 0, "issue", "digicert.com");

        Result result = request("--json");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(requested()).isFalse();
        JsonObject json = result.json();
        assertThat(json.optionalBoolean("requested")).contains(false);
        assertThat(json.string("host")).isEqualTo(HOST);
        assertThat(json.string("reason")).contains("names digicert.com, not letsencrypt.org");
        assertThat(json.object("caa").string("decision")).isEqualTo("DENIED");
    }

    @Test
    void caaUnreadable_refuses_exit3() {
        world.addDomain(SID, HOST, T0.plus(Duration.ofDays(20)), UnaryOperator.identity());
        world.dns().fault("example.com", "CAA", DnsFault.REFUSED);

        Result result = request();

        assertThat(result.exit()).isEqualTo(3);
        assertThat(requested()).isFalse();
        assertThat(result.out()).contains("NOT requested").contains("INDETERMINATE");
    }

    @Test
    void anAlreadyManagedDomain_isLeftAsItIs() {
        world.addDomain(SID, HOST, T0.plus(Duration.ofDays(20)), d -> d.withManaged(true, false));

        Result result = request();

        assertThat(result.exit()).isZero();
        assertThat(requested()).isFalse();
        assertThat(result.out()).contains("already has a Twilio-managed certificate; nothing to do");
    }

    @Test
    void anUnknownDomain_isTwilios404_inOneLine_exit4() {
        Result result = request();

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("certguard request-managed: Twilio: GET /v1/LinkShortening/Domains/" + SID
                + "/Certificate: HTTP 404");
    }

    @Test
    void badInput_isOneLineAndExit2() {
        Result noSid = CliHarness.run(ENV, "request-managed");
        Result badSid = CliHarness.run(ENV, "request-managed", "--domain-sid", "DNnothex");
        Result noCredentials = CliHarness.run(Map.of(), "request-managed", "--domain-sid", SID.value());

        assertThat(List.of(noSid.exit(), badSid.exit(), noCredentials.exit())).containsOnly(2);
        assertThat(noSid.err()).isEqualTo("certguard request-managed: option --domain-sid is required "
                + "(./certguard request-managed --help)\n");
        assertThat(badSid.err()).isEqualTo("certguard request-managed: --domain-sid \"DNnothex\" is not a Twilio "
                + "domain SID (DN followed by 32 hex digits)\n");
        assertThat(noCredentials.err()).startsWith("certguard request-managed: no usable Twilio credentials");
    }
}
