package io.certguard.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.cli.Cli;
import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.cli.TestBundles;
import io.certguard.domain.DomainSid;
import io.certguard.json.JsonObject;
import io.certguard.simulator.OfflineWorld;
import io.certguard.testing.MutableClock;
import io.certguard.testpki.HeldCertificate;
import io.certguard.tls.TrustAnchors;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload command in-process against the Twilio simulator, a TLS server and a DNS responder on loopback. */
class UploadCommandTest {

    static final Instant T0 = CliHarness.T0;
    static final DomainSid SID = DomainSid.of("DN" + "0123456789abcdef".repeat(2));
    static final String HOST = "links.example.com";
    static final String API_SECRET = "offline-api-key-secret";
    static final Map<String, String> ENV = Map.of("TWILIO_ACCOUNT_SID", OfflineWorld.CREDENTIALS.accountSid(),
            "TWILIO_API_KEY", OfflineWorld.CREDENTIALS.username(), "TWILIO_API_SECRET", API_SECRET);

    @TempDir
    Path dir;
    private OfflineWorld world;
    private Cli cli;

    @BeforeEach
    void start() {
        world = OfflineWorld.start(new MutableClock(T0));
        world.addDomain(SID, HOST, T0.plus(Duration.ofDays(10)), UnaryOperator.identity());
        cli = new Cli(List.of(new UploadCommand(Duration.ofMillis(20),
                TrustAnchors.of(List.of(world.pki().root().certificate())))), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private Result upload(Map<String, String> env, String file, String... more) {
        List<String> args = new ArrayList<>(List.of("upload", file, "--domain-sid", SID + "=" + HOST + ":"
                + world.tls().port(), "--twilio-base-url", world.twilio().baseUri().toString(), "--resolver",
                "127.0.0.1:" + world.dns().address().getPort(), "--state", dir.resolve("state.json").toString()));
        args.addAll(List.of(more));
        return CliHarness.run(cli, env, args.toArray(String[]::new));
    }

    private Path bundle(HeldCertificate leaf) {
        return TestBundles.write(dir, "bundle.pem", world.bundlePem(leaf));
    }

    @Test
    void withWait_aRenewedBundleIsPosted_validated_andLive_exit0() {
        HeldCertificate renewed = world.issue(HOST, T0.plus(Duration.ofDays(90)));
        world.tls().serve(HOST, world.chain(renewed)); // the host switches as soon as Twilio promotes it
        Path file = bundle(renewed);

        Result result = upload(ENV, file.toString(), "--wait", "--timeout", "30s");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("uploaded; Twilio is validating it").contains("(90 days left)")
                .contains("LIVE: links.example.com serves the new certificate (RESOLVED).");
        assertThat(result.err()).contains("waiting for Twilio to validate").contains("] VALIDATING: pending")
                .contains("] LIVE").contains("RESOLVED");
        assertThat(world.twilio().requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
        assertThat(result.all()).doesNotContain(TestBundles.keyFragment(renewed)).doesNotContain("-----BEGIN")
                .doesNotContain(API_SECRET);
    }

    @Test
    void json_withoutWait_saysUploadedAndValidating() {
        HeldCertificate renewed = world.issue(HOST, T0.plus(Duration.ofDays(90)));

        Result result = upload(ENV, bundle(renewed).toString(), "--json");

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonObject json = result.json();
        assertThat(json.string("outcome")).isEqualTo("uploaded");
        assertThat(json.string("status")).isEqualTo("VALIDATING");
        assertThat(json.asMap().get("uploaded")).isEqualTo(true);
        assertThat(json.asMap().get("live")).isNull();
        assertThat(json.object("leaf").string("notAfter")).isEqualTo(T0.plus(Duration.ofDays(90)).toString());
        assertThat(result.all()).doesNotContain(TestBundles.keyFragment(renewed));
    }

    @Test
    void aBundleForAnotherHost_isRejected_withItsFindings_exit1_andNothingPosted() {
        HeldCertificate wrongHost = world.issue("other.example.org", T0.plus(Duration.ofDays(90)));

        Result result = upload(ENV, bundle(wrongHost).toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("NOT uploaded: the bundle was rejected").contains("ERROR")
                .contains("HOSTNAME_MISMATCH");
        assertThat(world.twilio().requests()).noneMatch(r -> r.method().equals("POST"));
        assertThat(result.all()).doesNotContain(TestBundles.keyFragment(wrongHost));
    }

    @Test
    void aLeafNotNewerThanTwilios_isRefused_butForceUploadsIt() {
        HeldCertificate older = world.issue(HOST, T0.plus(Duration.ofDays(5))); // Twilio's expires in 10 days
        Path file = bundle(older);

        Result refused = upload(ENV, file.toString(), "--json");
        Result forced = upload(ENV, file.toString(), "--force", "--json");

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.json().string("status")).isEqualTo("REJECTED");
        assertThat(refused.json().optionalArray("findings").orElseThrow()).anySatisfy(f -> assertThat(
                JsonObject.of((Map<?, ?>) f).string("code")).isEqualTo("NOT_NEWER"));
        assertThat(forced.exit()).as(forced.toString()).isZero();
        assertThat(forced.json().string("status")).isEqualTo("VALIDATING");
        assertThat(forced.json().optionalArray("findings").orElseThrow()).anySatisfy(f -> {
            JsonObject finding = JsonObject.of((Map<?, ?>) f);
            assertThat(finding.string("code")).isEqualTo("NOT_NEWER");
            assertThat(finding.string("severity")).isEqualTo("WARNING");
        });
        assertThat(world.twilio().requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }

    @Test
    void noCredentials_isOneClearLine_exit2_beforeAnythingIsSent() {
        Path file = bundle(world.issue(HOST, T0.plus(Duration.ofDays(90))));

        Result result = upload(Map.of(), file.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("certguard upload: no usable Twilio credentials").contains("TWILIO_ACCOUNT_SID"));
        assertThat(world.twilio().requests()).isEmpty();
    }

    @Test
    void aBadSid_orTimeoutWithoutWait_areUsageErrors() {
        Result badSid = CliHarness.run(cli, ENV, "upload", "bundle.pem", "--domain-sid", "DN123");
        Result timeoutAlone = upload(ENV, "bundle.pem", "--timeout", "5m");

        assertThat(badSid.exit()).isEqualTo(2);
        assertThat(badSid.err()).contains("--domain-sid \"DN123\" is not a Twilio domain SID");
        assertThat(timeoutAlone.exit()).isEqualTo(2);
        assertThat(timeoutAlone.err()).contains("--timeout bounds --wait");
    }
}
