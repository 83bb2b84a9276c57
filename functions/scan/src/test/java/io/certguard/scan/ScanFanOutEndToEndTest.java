package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.RecordedRequest;
import io.certguard.simulator.SimulatedDomain;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.SqsInbox;
import io.certguard.testing.TemplateResources;
import io.certguard.testing.TestLambdaContext;
import io.certguard.testing.TestSids;
import io.certguard.testpki.HeldCertificate;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Fan-out past one invocation, through the production wiring with moto's SQS: 5,000 domains and invocations that
 * each have about 10 s of work before their margin, so the scheduled run hands most domains to the queue; three
 * consumers stand in for Lambda's SQS event source (one message per invocation, the template's batch size). Every
 * domain is checked exactly once in the run, a redelivered batch does nothing, and every alarm goes out once.
 */
@ExtendWith(AwsEmulator.class)
class ScanFanOutEndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    private static final int DOMAINS = Integer.getInteger("fanout.domains", 5_000);
    private static final int EXPIRING = 20;
    private static final int HOSTS = 50;
    private static final Duration WORK_PER_INVOCATION = Duration.ofSeconds(10);
    private static final int CONSUMERS = 3;

    private final MutableClock clock = new MutableClock(T0);
    private OfflineWorld world;
    private AwsStack stack;
    private SqsClient sqs;
    private String queueUrl;
    private Map<String, String> env;

    @BeforeEach
    void world(AwsClients aws, SqsClient sqs) {
        this.sqs = sqs;
        stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        queueUrl = TemplateResources.fromProject().createScanBatchQueue(sqs, AwsEmulator.uniqueName("scan-batches"));
        world = OfflineWorld.start(clock);
        // 5,000 domains share 50 hosts (issuing 5,000 certificates would only slow the test); the first 20 have their
        // own host whose certificate expires in 10 days and must be alarmed, once each.
        Instant soon = T0.plus(Duration.ofDays(10));
        Instant later = T0.plus(Duration.ofDays(200));
        serve("soon.example.com", soon);
        for (int h = 0; h < HOSTS; h++) {
            serve("links" + h + ".example.com", later);
        }
        StringBuilder domains = new StringBuilder();
        for (int i = 0; i < DOMAINS; i++) {
            String host = i < EXPIRING ? "soon.example.com" : "links" + (i % HOSTS) + ".example.com";
            world.twilio().addDomain(SimulatedDomain.of(sid(i), host).withCertificateExpiring(i < EXPIRING ? soon : later));
            domains.append(i == 0 ? "" : ",").append(sid(i)).append('=').append(host).append(':').append(world.tls().port());
        }
        // Twilio answering in 20 ms caps the pace at 16 / (3 x 20 ms) = 266 domains a second, so however fast this
        // machine, 10 s of work (at half the measured pace) cannot cover 5,000 domains: the run must fan out.
        world.twilio().latency(Duration.ofMillis(20));
        env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        env.put("DOMAINS", domains.toString());
        env.put("SCAN_CONCURRENCY", "16");
        env.put("SCAN_QUEUE_URL", queueUrl);
    }

    private void serve(String host, Instant notAfter) {
        HeldCertificate leaf = world.issue(host, notAfter);
        world.tls().serve(host, world.chain(leaf));
        world.dns().addA(host, "127.0.0.1");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static DomainSid sid(int i) {
        return TestSids.numbered(i);
    }

    /** Every container's log lines, to add up what the runs say they published. */
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    private ScanLambda container() {
        return ScanLambda.wiredFrom(env, clock, new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    private int alarmsPublished() {
        String text;
        synchronized (logs) {
            text = logs.toString(StandardCharsets.UTF_8);
        }
        return text.lines().filter(l -> l.contains("\"event\":\"scan_finished\"") || l.contains("\"event\":\"scan_batch_finished\""))
                .map(Json::parseObject)
                .mapToInt(l -> l.optionalNumber("alarmsPublished").map(n -> n.intValue()).orElse(0)).sum();
    }

    private static JsonObject invoke(ScanLambda handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                TestLambdaContext.runningDown(ScanLambda.MARGIN.plus(WORK_PER_INVOCATION)));
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    private static String sqsEvent(Message message) {
        return Json.write(Map.of("Records", List.of(Map.of("messageId", message.messageId(), "receiptHandle",
                message.receiptHandle(), "body", message.body(), "eventSource", "aws:sqs"))));
    }

    /** One Lambda container polling the queue like the event source mapping; returns the messages it handled. */
    private int consume(AtomicInteger idleRounds) {
        ScanLambda handler = container();
        int handled = 0;
        while (idleRounds.get() < 3) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1)
                    .waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                idleRounds.incrementAndGet();
                continue;
            }
            idleRounds.set(0);
            Message message = messages.getFirst();
            JsonObject response = invoke(handler, sqsEvent(message));
            if (response.optionalArray("batchItemFailures").orElseThrow().isEmpty()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            } else {
                // Lambda leaves a failed message for the visibility timeout; the test lets that time pass at once.
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }
            handled++;
        }
        return handled;
    }

    private Map<String, Long> certificateReadsPerDomain() {
        return world.twilio().requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().endsWith("/Certificate"))
                .map(RecordedRequest::path)
                .map(p -> p.split("/")[4])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void fiveThousandDomainsAreEachCheckedOnceAcrossBatches_andEachAlarmGoesOutOnce() throws Exception {
        JsonObject scheduled = invoke(container(), ProjectFiles.event("scan-schedule.json"));

        assertThat(scheduled.optionalNumber("queuedBatches").orElseThrow().intValue()).isGreaterThan(1);
        assertThat(scheduled.optionalNumber("queuedDomains").orElseThrow().intValue()
                + scheduled.optionalNumber("domains").orElseThrow().intValue()).isEqualTo(DOMAINS);
        String firstBatch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1).visibilityTimeout(0))
                .messages().getFirst().body();

        AtomicInteger idle = new AtomicInteger();
        List<Future<Integer>> consumers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONSUMERS)) {
            for (int c = 0; c < CONSUMERS; c++) {
                consumers.add(pool.submit(() -> consume(idle)));
            }
        }
        int handled = 0;
        for (Future<Integer> consumer : consumers) {
            handled += consumer.get();
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(firstBatch)); // a batch delivered again
        idle.set(0);
        handled += consume(idle);

        Map<String, Long> reads = certificateReadsPerDomain();
        assertThat(handled).isGreaterThan(scheduled.optionalNumber("queuedBatches").orElseThrow().intValue());
        assertThat(reads).hasSize(DOMAINS);
        assertThat(reads.values()).containsOnly(1L);
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values()).containsOnly("0");
        // Each expiring domain's alarm was decided and published once, whichever batch checked it. (What arrives is
        // at least that: an SNS Publish whose reply is lost to the SDK's attempt timeout is retried and may arrive
        // twice, the price of never losing an alarm.)
        assertThat(alarmsPublished()).isEqualTo(EXPIRING);
        assertThat(stack.inbox().drain().stream().map(a -> SqsInbox.attribute(a, "domain_sid")).distinct())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, EXPIRING).mapToObj(i -> sid(i).value()).toList());
    }
}
