package io.certguard.validationpoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.alarm.AlarmOutbox;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.loopback.OutageProxy;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.ValidationOutcome;
import io.certguard.simulator.ValidationPlan;
import io.certguard.state.StateRecord;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
import io.certguard.testpki.HeldCertificate;
import io.certguard.tls.CertificateFingerprint;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The validation-poll function end to end through its production wiring: an upload is posted to the Twilio simulator
 * (with a validation lifecycle per test) and recorded as the upload function records it; the poll then follows it
 * against the emulator, the simulator and the TLS server, and its alarms are read back from the topic.
 */
@ExtendWith(AwsEmulator.class)
class ValidationPollEndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final DomainSid SID = new DomainSid("DN" + "5".repeat(32));
    private static final String HOST = "links.example.com";
    private static final Instant OLD_EXPIRY = T0.plus(Duration.ofDays(10));
    private static final Instant NEW_EXPIRY = T0.plus(Duration.ofDays(90));

    private final MutableClock clock = new MutableClock(T0);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private OfflineWorld world;
    private AwsStack stack;
    private Map<String, String> env;
    private DynamoDbStateStore store;

    @BeforeEach
    void world(AwsClients aws, SqsClient sqs) {
        stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        world = OfflineWorld.start(clock);
        store = new DynamoDbStateStore(aws.dynamoDb(), stack.table());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Sets up the domain with its lifecycle, posts a new certificate to Twilio and records the upload. */
    private HeldCertificate uploaded(ValidationPlan plan) {
        world.addDomain(SID, HOST, OLD_EXPIRY, d -> d.withValidationPlan(plan));
        env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        env.put("VALIDATION_TIMEOUT_MINUTES", "30");
        env.put("LIVE_GRACE_MINUTES", "60");
        HeldCertificate leaf = world.issue(HOST, NEW_EXPIRY);
        new TwilioHttpClient(TwilioClientSettings.defaults(world.twilio().baseUri()), OfflineWorld.CREDENTIALS)
                .uploadCertificate(SID, new TlsCertPayload(world.bundlePem(leaf)));
        UploadRecord record = new UploadRecord(SID, "version-1", UploadStatus.VALIDATING, "certguard/links",
                Optional.of(HOST), Optional.of(NEW_EXPIRY), Optional.of(CertificateFingerprint.sha256(leaf.certificate())),
                Optional.of(leaf.certificate().getSerialNumber().toString(16)), Optional.of(OLD_EXPIRY), Optional.of(T0),
                Optional.empty(), 0, 0, List.of(), Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(60)));
        store.save(record.toStateRecord());
        return leaf;
    }

    private JsonObject pollAt(Instant now) {
        clock.set(now);
        ValidationPollLambda handler = ValidationPollLambda.wiredFrom(env, clock,
                new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(ProjectFiles.event("validation-poll-schedule.json")
                .getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    private UploadRecord upload() {
        StateRecord stored = store.load(UploadRecord.key(SID, "version-1")).orElseThrow();
        return UploadRecord.fromStateRecord(stored);
    }

    /** Polls whenever the upload is due until it is no longer followed (or 30 polls), collecting alarm subjects. */
    private List<String> followToTheEnd() {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 30 && upload().pollAt().isPresent(); i++) {
            pollAt(upload().pollAt().get());
            subjects.addAll(stack.inbox().subjects());
        }
        return subjects;
    }

    @Test
    void aNormalUploadReachesLive_withExactlyOneResolvedAlarm() {
        HeldCertificate leaf = uploaded(ValidationPlan.afterReads(1, ValidationOutcome.PROMOTE));
        world.tls().serve(HOST, world.chain(leaf)); // Twilio serves the new certificate once it is validated

        List<String> subjects = followToTheEnd();
        pollAt(T0.plus(Duration.ofHours(2))); // nothing due any more: no new alarm

        assertThat(upload().status()).isEqualTo(UploadStatus.LIVE);
        assertThat(subjects).containsExactly("[RESOLVED INFO] links.example.com certificate replaced, now expires 2027-02-25");
        assertThat(stack.inbox().subjects()).isEmpty();
    }

    @Test
    void aDroppedUpload_isAValidationFailure() {
        uploaded(ValidationPlan.afterReads(0, ValidationOutcome.DROP));

        assertThat(followToTheEnd()).containsExactly(
                "[30132 CRITICAL] links.example.com Twilio did not accept the uploaded certificate");
        assertThat(upload().status()).isEqualTo(UploadStatus.REJECTED_BY_TWILIO);
        assertThat(upload().detail()).hasValueSatisfying(d -> assertThat(d).contains("the upload was dropped"));
    }

    @Test
    void anUndocumentedStatus_failsShowingTwiliosWords() {
        uploaded(ValidationPlan.afterReads(0, ValidationOutcome.reportStatus("certificate_chain_invalid")));

        List<JsonObject> envelopes = new ArrayList<>();
        for (int i = 0; i < 5 && upload().pollAt().isPresent(); i++) {
            pollAt(upload().pollAt().get());
            envelopes.addAll(stack.inbox().drain());
        }
        assertThat(upload().status()).isEqualTo(UploadStatus.FAILED);
        assertThat(envelopes).hasSize(1);
        assertThat(envelopes.get(0).string("Message")).contains("status \"certificate_chain_invalid\"");
    }

    @Test
    void aSlowValidation_timesOutOnce_thenSucceedsLate() {
        HeldCertificate leaf = uploaded(ValidationPlan.afterDuration(Duration.ofMinutes(45), ValidationOutcome.PROMOTE));
        world.tls().serve(HOST, world.chain(leaf));

        assertThat(followToTheEnd()).containsExactly(
                "[VALIDATION_TIMEOUT WARNING] links.example.com certificate validation is slow",
                "[RESOLVED INFO] links.example.com certificate replaced, now expires 2027-02-25");
        assertThat(upload().status()).isEqualTo(UploadStatus.LIVE);
    }

    @Test
    void theHostStillServingTheOldCertificate_afterTheGrace_isALiveMismatch() {
        uploaded(ValidationPlan.afterReads(0, ValidationOutcome.PROMOTE)); // the TLS server keeps the old leaf

        assertThat(followToTheEnd()).containsExactly(
                "[LIVE_CERT_MISMATCH WARNING] links.example.com new certificate validated but not served");
        assertThat(upload().status()).isEqualTo(UploadStatus.LIVE_MISMATCH);
    }

    @Test
    void twoPollsRacingOnOneRecord_sendOneAlarm() throws Exception {
        uploaded(ValidationPlan.afterReads(0, ValidationOutcome.DROP));
        Instant due = upload().pollAt().orElseThrow();
        clock.set(due);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonObject>> polls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                polls.add(pool.submit(() -> {
                    start.await();
                    return pollAt(due);
                }));
            }
            start.countDown();
            int published = 0;
            for (Future<JsonObject> poll : polls) {
                published += poll.get(60, TimeUnit.SECONDS).optionalNumber("alarmsPublished").map(n -> n.intValue()).orElse(0);
            }
            assertThat(published).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stack.inbox().subjects()).hasSize(1);
        assertThat(upload().status()).isEqualTo(UploadStatus.REJECTED_BY_TWILIO);
    }

    @Test
    void nothingDue_costsNoTwilioCall() {
        uploaded(ValidationPlan.afterReads(1, ValidationOutcome.PROMOTE));
        int before = world.twilio().requestCount();

        JsonObject summary = pollAt(T0); // the upload is due only a minute later

        assertThat(summary.optionalNumber("due").orElseThrow().intValue()).isZero();
        assertThat(world.twilio().requestCount()).isEqualTo(before);
    }

    @Test
    void snsStoppingAtTheResolvedAlarm_keepsIt_andALaterPollSendsItOnce(AwsEmulator.Endpoint emulator) throws IOException {
        HeldCertificate leaf = uploaded(ValidationPlan.afterReads(0, ValidationOutcome.PROMOTE));
        world.tls().serve(HOST, world.chain(leaf));
        try (OutageProxy sns = OutageProxy.forwardingTo(emulator.uri())) {
            env.put(AwsEndpoints.SNS, sns.uri().toString());
            sns.stopAtOperation("Publish", 1);

            JsonObject cut = pollAt(upload().pollAt().orElseThrow());
            assertThat(cut.optionalNumber("alarmsPending").orElseThrow().intValue()).isEqualTo(1);
            assertThat(upload().status()).isEqualTo(UploadStatus.LIVE);
            assertThat(AlarmOutbox.read(store.load(UploadRecord.key(SID, "version-1")).orElseThrow())).hasSize(1);

            sns.restart();
            List<String> later = new ArrayList<>();
            for (int minutes : new int[] {6, 21, 41}) { // polls of the schedule: the claim lapses after 15 minutes
                pollAt(T0.plus(Duration.ofMinutes(minutes)));
                later.addAll(stack.inbox().subjects());
            }
            assertThat(later).containsExactly("[RESOLVED INFO] links.example.com certificate replaced, now expires 2027-02-25");
            assertThat(upload().status()).isEqualTo(UploadStatus.LIVE);
            assertThat(store.load(UploadRecord.key(SID, "version-1")).orElseThrow().pollAt())
                    .as("out of the poll index once nothing is left to send").isEmpty();
        }
    }

    @Test
    void dynamoDbStoppingAtTheDecision_failsThePollLoudly_andTheNextPollDecidesOnce(AwsEmulator.Endpoint emulator)
            throws IOException {
        HeldCertificate leaf = uploaded(ValidationPlan.afterReads(0, ValidationOutcome.PROMOTE));
        world.tls().serve(HOST, world.chain(leaf));
        StateRecord before = store.load(UploadRecord.key(SID, "version-1")).orElseThrow();
        try (OutageProxy dynamoDb = OutageProxy.forwardingTo(emulator.uri())) {
            env.put(AwsEndpoints.DYNAMODB, dynamoDb.uri().toString());
            dynamoDb.stopAtOperation("PutItem", 1);

            JsonObject cut = pollAt(upload().pollAt().orElseThrow());
            assertThat(cut.asMap().get("problems")).asString().contains("could not write");
            assertThat(stack.inbox().subjects()).as("no alarm without its decision recorded").isEmpty();
            StateRecord after = store.load(UploadRecord.key(SID, "version-1")).orElseThrow();
            assertThat(after.version()).as("nothing written").isEqualTo(before.version());
            assertThat(upload().status()).isEqualTo(UploadStatus.VALIDATING);

            dynamoDb.restart();
            List<String> subjects = followToTheEnd();
            assertThat(subjects).containsExactly("[RESOLVED INFO] links.example.com certificate replaced, now expires 2027-02-25");
            assertThat(upload().status()).isEqualTo(UploadStatus.LIVE);
            assertThat(store.load(UploadRecord.key(SID, "version-1")).orElseThrow().version())
                    .as("one decision, its outbox cleared").isEqualTo(before.version() + 2);
        }
    }
}
