package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.SimulatedDomain;
import io.certguard.state.StateStoreException;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.SqsInbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The scan function end to end, through its production wiring: the AWS emulator (table and topic from template.yaml,
 * credentials in Secrets Manager), the Twilio simulator, a TLS server and a DNS responder on loopback. Alarms are read
 * back from an SQS queue subscribed to the topic, as a person's email would receive them.
 */
@ExtendWith(AwsEmulator.class)
class ScanEndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    private static final DomainSid SID = new DomainSid("DN" + "0123456789abcdef".repeat(2));
    private static final String HOST = "links.example.com";

    private final MutableClock clock = new MutableClock(T0);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private OfflineWorld world;
    private AwsStack stack;
    private Map<String, String> env;

    @BeforeEach
    void world(AwsClients aws, SqsClient sqs) {
        stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        world = OfflineWorld.start(clock);
        world.addDomain(SID, HOST, T0.plus(Duration.ofDays(40)), UnaryOperator.identity());
        env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        env.put("SCAN_CONCURRENCY", "4");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonObject runAt(Instant now) {
        clock.set(now);
        ScanLambda handler = ScanLambda.wiredFrom(env, clock, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(ProjectFiles.event("scan-schedule.json")
                .getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    private static int number(JsonObject json, String name) {
        return json.optionalNumber(name).orElseThrow().intValue();
    }

    @Test
    void aCertificateGoing40_29_13_6_expired_thenRenewed_alarmsExactlyOncePerStep() {
        List<String> received = new ArrayList<>();
        for (int day : new int[] {0, 11, 27, 34, 41}) {
            JsonObject summary = runAt(T0.plus(Duration.ofDays(day)));
            assertThat(number(summary, "checked")).as("day %d", day).isEqualTo(1);
            runAt(T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(2))); // a repeated run adds nothing
            received.addAll(stack.inbox().subjects());
        }
        Instant renewed = T0.plus(Duration.ofDays(132));
        world.twilio().addDomain(SimulatedDomain.of(SID, HOST).withCertificateExpiring(renewed));
        world.tls().serve(HOST, world.chain(world.issue(HOST, renewed)));
        runAt(T0.plus(Duration.ofDays(41)).plus(Duration.ofHours(4)));
        runAt(T0.plus(Duration.ofDays(42)));
        received.addAll(stack.inbox().subjects());

        assertThat(received).containsExactly(
                "[30131 WARNING] links.example.com certificate expires in 29 days",
                "[30131 WARNING] links.example.com certificate expires in 13 days",
                "[30131 CRITICAL] links.example.com certificate expires in 6 days",
                "[30102 CRITICAL] links.example.com certificate EXPIRED - links are failing",
                "[RESOLVED INFO] links.example.com certificate renewed, now expires 2027-03-13");
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"DaysToExpiry\":29").contains("\"CloudWatchMetrics\"").contains("\"caa\":\"PERMITTED\"")
                .doesNotContain("offline-api-key-secret");
    }

    @Test
    void theAlarmAsAPersonReceivesIt_emailAndSms() {
        runAt(T0.plus(Duration.ofDays(26)));

        List<JsonObject> envelopes = stack.inbox().drain();
        assertThat(envelopes).hasSize(1);
        JsonObject alarm = envelopes.get(0);
        assertThat(SqsInbox.attribute(alarm, "alarm_type")).isEqualTo("NO_REPLACEMENT");
        assertThat(SqsInbox.attribute(alarm, "error_code")).isEqualTo("30131");
        assertThat(SqsInbox.attribute(alarm, "domain_sid")).isEqualTo(SID.value());
        assertThat(alarm.string("Message")).contains("Expires:           2026-12-11 06:00 UTC (14 days left)")
                .contains("Served certificate: expires 2026-12-11 06:00 UTC").contains("NOT verified")
                .contains("CAA for Let's Encrypt: PERMITTED");
        System.out.println("---- sample alarm (SNS default/email text) ----\n" + alarm.string("Message"));
    }

    @Test
    void aPublishThatFails_goesOutOnTheNextRun(AwsClients aws, SqsClient sqs) {
        String topicArn = stack.topicArn();
        aws.sns().deleteTopic(b -> b.topicArn(topicArn));
        JsonObject failed = runAt(T0.plus(Duration.ofDays(20)));
        assertThat(number(failed, "alarmsPending")).isEqualTo(1);

        String recreated = aws.sns().createTopic(b -> b.name(topicArn.substring(topicArn.lastIndexOf(':') + 1))).topicArn();
        assertThat(recreated).isEqualTo(topicArn);
        SqsInbox fresh = SqsInbox.subscribe(sqs, aws.sns(), topicArn);
        JsonObject retried = runAt(T0.plus(Duration.ofDays(20)).plus(Duration.ofHours(1)));

        assertThat(number(retried, "alarmsPublished")).isEqualTo(1);
        assertThat(fresh.subjects()).containsExactly("[30131 WARNING] links.example.com certificate expires in 20 days");
    }

    @Test
    void aStateTableThatCannotBeReached_failsTheInvocationLoudly_andSendsNothing() {
        env.put("STATE_TABLE", "certguard-table-that-does-not-exist");

        // The registry is read first, from the same table: the invocation fails before any domain is decided.
        assertThatThrownBy(() -> runAt(T0.plus(Duration.ofDays(20))))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("DynamoDB table certguard-table-that-does-not-exist: could not read partition REGISTRY");
        assertThat(stack.inbox().subjects()).as("no alarm without a record of it").isEmpty();
    }

    @Test
    void aDomainTwilioCannotServe_isCountedAsFailed_notSkipped() {
        env.put("DOMAINS", env.get("DOMAINS") + ",DN" + "f".repeat(32) + "=other.example.com");
        JsonObject summary = runAt(T0);

        assertThat(number(summary, "domains")).isEqualTo(2);
        assertThat(number(summary, "failed")).isEqualTo(1);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("TwilioNotFoundException");
    }
}
