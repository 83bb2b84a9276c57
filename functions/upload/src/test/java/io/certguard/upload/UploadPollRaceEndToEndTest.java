package io.certguard.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.config.EnvironmentVariables;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.scan.Deadline;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.ValidationOutcome;
import io.certguard.simulator.ValidationPlan;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.TestLambdaContext;
import io.certguard.testing.TestSids;
import io.certguard.testpki.HeldCertificate;
import io.certguard.validation.PollSettings;
import io.certguard.validation.ValidationPoller;
import io.certguard.validation.ValidationPolicy;
import io.certguard.wiring.CommonSettings;
import io.certguard.wiring.FunctionRuntime;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An upload and the validation poll started together (barriers), round after round, on one table, with the production
 * DynamoDB and SNS adapters, the Twilio simulator and the loopback TLS host: two deliveries of the same "new version"
 * event to the upload function (EventBridge delivers at least once) with a scheduled poll, then a late third delivery
 * with the poll that finds the upload due. Each round has its own domain and certificate secret; Twilio validates at
 * its first read and the host serves the new leaf.
 */
@ExtendWith(AwsEmulator.class)
class UploadPollRaceEndToEndTest {

    static final int ROUNDS = 20;
    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private OfflineWorld world;
    private AwsStack stack;
    private DynamoDbStateStore table;

    @BeforeEach
    void world(AwsClients aws, SqsClient sqs) {
        stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        world = OfflineWorld.start(clock);
        table = new DynamoDbStateStore(aws.dynamoDb(), stack.table());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static DomainSid sid(int round) {
        return TestSids.numbered(round + 0xdef000);
    }

    private static String host(int round) {
        return "upload" + round + ".example.com";
    }

    /** The round's domain (20 days left at Twilio) and its secret holding a 90-day replacement; the event for it. */
    private String newVersionEvent(int round) {
        world.addDomain(sid(round), host(round), T0.plus(Duration.ofDays(20)),
                d -> d.withValidationPlan(ValidationPlan.afterReads(0, ValidationOutcome.PROMOTE)));
        HeldCertificate leaf = world.issue(host(round), T0.plus(Duration.ofDays(90)));
        world.tls().serve(host(round), world.chain(leaf));
        String name = "certguard/certificates/" + AwsEmulator.uniqueName("race" + round);
        var created = stack.aws().secretsManager().createSecret(b -> b.name(name).secretString(world.bundlePem(leaf))
                .tags(t -> t.key("certguard:domain-sid").value(sid(round).value())));
        return ProjectFiles.event("secret-label-updated.json")
                .replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                        created.arn())
                .replace("\"certguard/certificates/links.example.com\"", "\"" + name + "\"")
                .replace("EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE", created.versionId());
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        env.put("VALIDATION_TIMEOUT_MINUTES", "30");
        env.put("LIVE_GRACE_MINUTES", "60");
        return env;
    }

    private static ValidationPoller poller(Map<String, String> env) {
        FunctionRuntime runtime = new FunctionRuntime(
                CommonSettings.from(new EnvironmentVariables(env, CommonSettings.VARIABLES)), AwsEndpoints.from(env));
        return new ValidationPoller(runtime.store(), runtime.twilio(), runtime.served(), runtime.publisher(),
                new UploadAlarmRenderer(), new ValidationPolicy(PollSettings.of(Duration.ofMinutes(30),
                        Duration.ofMinutes(60))), runtime::domain, 8);
    }

    private static String invoke(UploadLambda handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                TestLambdaContext.withRemaining(Duration.ofMinutes(14)));
        return Json.parseObject(out.toString(StandardCharsets.UTF_8)).string("outcome");
    }

    private List<UploadRecord> uploads(int round) {
        return table.loadPartition("DOMAIN#" + sid(round).value()).stream()
                .filter(r -> r.key().sort().startsWith("UPLOAD#")).map(UploadRecord::fromStateRecord).toList();
    }

    private long posts(int round) {
        return world.twilio().requests().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/Certificate") && r.path().contains(sid(round).value())).count();
    }

    @Test
    void anUploadAndAPollRacing_postOnce_recordThePollsDecision_andSendNoAlarmTwice() throws Exception {
        Map<String, String> env = environment();
        List<String> subjects = new ArrayList<>();
        int pollsThatFollowedTheUpload = 0;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int i = 1; i <= ROUNDS; i++) {
                int round = i;
                Instant now = T0.plus(Duration.ofHours(round));
                clock.set(now);
                String event = newVersionEvent(round);
                env = environment(); // DOMAINS now names this round's domain
                UploadLambda uploads = UploadLambda.wiredFrom(env, clock, sleep -> { },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                ValidationPoller poller = poller(env);
                CyclicBarrier start = new CyclicBarrier(3);
                List<Future<String>> deliveries = new ArrayList<>();
                for (int d = 0; d < 2; d++) {
                    deliveries.add(pool.submit(() -> {
                        start.await();
                        return invoke(uploads, event);
                    }));
                }
                // The schedule's poll, as if it fired while the upload was still being handled (its first poll is due
                // a minute after the upload).
                Future<?> poll = pool.submit(() -> {
                    start.await();
                    return poller.pollDue(now.plus(Duration.ofMinutes(1)), Deadline.NONE);
                });
                List<String> outcomes = new ArrayList<>();
                for (Future<String> delivery : deliveries) {
                    outcomes.add(delivery.get(60, TimeUnit.SECONDS));
                }
                poll.get(60, TimeUnit.SECONDS);
                if (uploads(round).get(0).status() == UploadStatus.LIVE) {
                    pollsThatFollowedTheUpload++; // the upload was recorded before the poll's query, which then took it
                }
                // Then a late redelivery of the event and the poll that finds the upload due, started together: the
                // redelivery reads the record the poll is deciding on.
                Instant due = uploads(round).get(0).pollAt().orElse(now);
                CyclicBarrier again = new CyclicBarrier(2);
                Future<String> late = pool.submit(() -> {
                    again.await();
                    return invoke(uploads, event);
                });
                Future<?> duePoll = pool.submit(() -> {
                    again.await();
                    return poller.pollDue(due, Deadline.NONE);
                });
                outcomes.add(late.get(60, TimeUnit.SECONDS));
                duePoll.get(60, TimeUnit.SECONDS);
                for (int more = 0; more < 5 && uploads(round).get(0).pollAt().isPresent(); more++) {
                    poller.pollDue(uploads(round).get(0).pollAt().get(), Deadline.NONE);
                }
                List<String> received = stack.inbox().subjects();

                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("uploaded", "duplicate", "duplicate");
                assertThat(posts(round)).as("round %d: one POST to Twilio", round).isEqualTo(1);
                assertThat(uploads(round)).as("round %d: one upload record", round).hasSize(1);
                assertThat(uploads(round).get(0).status()).as("round %d: the poll's decision is recorded", round)
                        .isEqualTo(UploadStatus.LIVE);
                assertThat(received).as("round %d", round)
                        .containsExactly("[RESOLVED INFO] " + host(round) + " certificate replaced, now expires 2027-01-30");
                subjects.addAll(received);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> counts = subjects.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.values()).as("no alarm sent twice over %d rounds", ROUNDS).allMatch(n -> n == 1);
        System.out.printf("upload vs poll: %d rounds, %d of the polls started with the upload found it already"
                + " recorded; %d late redeliveries raced the due poll%n", ROUNDS, pollsThatFollowedTheUpload, ROUNDS);
    }
}
