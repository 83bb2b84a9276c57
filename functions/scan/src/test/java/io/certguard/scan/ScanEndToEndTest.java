package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.loopback.LoopbackDnsServer;
import io.certguard.loopback.LoopbackTlsServer;
import io.certguard.loopback.ServedChain;
import io.certguard.simulator.SimulatedDomain;
import io.certguard.simulator.TwilioSimulator;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.MutableClock;
import io.certguard.testing.SqsInbox;
import io.certguard.testing.TemplateResources;
import io.certguard.testpki.HeldCertificate;
import io.certguard.testpki.KeyKind;
import io.certguard.testpki.TestPki;
import io.certguard.twilio.TwilioCredentials;
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
    private static final TwilioCredentials CREDENTIALS = TwilioCredentials.apiKey("AC" + "1".repeat(32),
            "SK" + "2".repeat(32), "api-key-secret-value");

    private final MutableClock clock = new MutableClock(T0);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private TwilioSimulator twilio;
    private LoopbackTlsServer tls;
    private LoopbackDnsServer dns;
    private TestPki pki;
    private SqsInbox inbox;
    private Map<String, String> env;
    private AwsClients aws;
    private String topicArn;

    @BeforeEach
    void world(AwsClients clients, SqsClient sqs) throws Exception {
        aws = clients;
        String table = AwsEmulator.uniqueName("state");
        TemplateResources resources = TemplateResources.fromProject();
        resources.createStateTable(aws.dynamoDb(), table);
        topicArn = resources.createAlarmTopic(aws.sns(), AwsEmulator.uniqueName("alarms"));
        inbox = SqsInbox.subscribe(sqs, aws.sns(), topicArn);
        String secret = AwsEmulator.uniqueName("twilio/credentials");
        aws.secretsManager().createSecret(b -> b.name(secret).secretString("{\"accountSid\":\"" + CREDENTIALS.accountSid()
                + "\",\"apiKeySid\":\"" + CREDENTIALS.username() + "\",\"apiKeySecret\":\"api-key-secret-value\"}"));

        pki = TestPki.create(T0, KeyKind.EC_P256);
        twilio = TwilioSimulator.builder().acceptCredentials(CREDENTIALS).clock(clock).build().start();
        twilio.addDomain(SimulatedDomain.of(SID, HOST).withCertificateExpiring(T0.plus(Duration.ofDays(40))));
        tls = LoopbackTlsServer.start(served(T0.plus(Duration.ofDays(40))));
        dns = LoopbackDnsServer.start().addA(HOST, "127.0.0.1");

        env = new HashMap<>();
        env.put("STATE_TABLE", table);
        env.put("ALARM_TOPIC_ARN", topicArn);
        env.put("TWILIO_CREDENTIALS_SECRET", secret);
        env.put("TWILIO_API_BASE_URL", twilio.baseUri().toString());
        env.put("DOMAINS", SID + "=" + HOST + ":" + tls.port());
        env.put("DNS_RESOLVERS", "127.0.0.1:" + dns.address().getPort());
        env.put("ALARM_THRESHOLDS_DAYS", "30,14,7,3,1");
        env.put("CERTIFICATE_SECRET_PREFIX", "certguard/");
        env.put("SCAN_CONCURRENCY", "4");
    }

    @AfterEach
    void stop() {
        twilio.close();
        tls.close();
        dns.close();
    }

    private ServedChain served(Instant notAfter) {
        HeldCertificate leaf = pki.leaf(HOST).key(KeyKind.EC_P256).validity(T0.minus(Duration.ofDays(50)), notAfter).build();
        return ServedChain.of(leaf, pki.intermediate(), pki.root());
    }

    private JsonObject runAt(Instant now) {
        clock.set(now);
        ScanHandler handler = ScanHandler.wiredFrom(env, clock, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(io.certguard.testing.ProjectFiles.event("scan-schedule.json")
                .getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCertificateGoing40_29_13_6_expired_thenRenewed_alarmsExactlyOncePerStep() {
        List<String> received = new ArrayList<>();
        for (int day : new int[] {0, 11, 27, 34, 41}) {
            JsonObject summary = runAt(T0.plus(Duration.ofDays(day)));
            assertThat(summary.optionalNumber("checked").orElseThrow().intValue()).as("day %d", day).isEqualTo(1);
            runAt(T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(2))); // a repeated run adds nothing
            received.addAll(inbox.subjects());
        }
        twilio.addDomain(SimulatedDomain.of(SID, HOST).withCertificateExpiring(T0.plus(Duration.ofDays(132))));
        tls.serve(HOST, served(T0.plus(Duration.ofDays(132))));
        runAt(T0.plus(Duration.ofDays(41)).plus(Duration.ofHours(4)));
        runAt(T0.plus(Duration.ofDays(42)));
        received.addAll(inbox.subjects());

        assertThat(received).containsExactly(
                "[30131 WARNING] links.example.com certificate expires in 29 days",
                "[30131 WARNING] links.example.com certificate expires in 13 days",
                "[30131 CRITICAL] links.example.com certificate expires in 6 days",
                "[30102 CRITICAL] links.example.com certificate EXPIRED - links are failing",
                "[RESOLVED INFO] links.example.com certificate renewed, now expires 2027-03-13");
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"DaysToExpiry\":29").contains("\"CloudWatchMetrics\"").contains("\"caa\":\"PERMITTED\"")
                .doesNotContain("api-key-secret-value");
    }

    @Test
    void theAlarmAsAPersonReceivesIt_emailAndSms() {
        runAt(T0.plus(Duration.ofDays(26)));

        List<JsonObject> envelopes = inbox.drain();
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
    void aPublishThatFails_goesOutOnTheNextRun(SqsClient sqs) {
        aws.sns().deleteTopic(b -> b.topicArn(topicArn));
        JsonObject failed = runAt(T0.plus(Duration.ofDays(20)));
        assertThat(failed.optionalNumber("alarmsPending").orElseThrow().intValue()).isEqualTo(1);

        String recreated = aws.sns().createTopic(b -> b.name(topicArn.substring(topicArn.lastIndexOf(':') + 1))).topicArn();
        assertThat(recreated).isEqualTo(topicArn);
        SqsInbox fresh = SqsInbox.subscribe(sqs, aws.sns(), topicArn);
        JsonObject retried = runAt(T0.plus(Duration.ofDays(20)).plus(Duration.ofHours(1)));

        assertThat(retried.optionalNumber("alarmsPublished").orElseThrow().intValue()).isEqualTo(1);
        assertThat(fresh.subjects()).containsExactly("[30131 WARNING] links.example.com certificate expires in 20 days");
    }

    @Test
    void aDomainTwilioCannotServe_isCountedAsFailed_notSkipped() {
        env.put("DOMAINS", SID + "=" + HOST + ":" + tls.port() + ",DN" + "f".repeat(32) + "=other.example.com:" + tls.port());
        JsonObject summary = runAt(T0);

        assertThat(summary.optionalNumber("domains").orElseThrow().intValue()).isEqualTo(2);
        assertThat(summary.optionalNumber("failed").orElseThrow().intValue()).isEqualTo(1);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("TwilioNotFoundException");
    }
}
