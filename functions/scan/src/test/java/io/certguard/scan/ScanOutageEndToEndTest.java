package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.alarm.AlarmOutbox;
import io.certguard.alarm.PendingAlarm;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.loopback.OutageProxy;
import io.certguard.simulator.OfflineWorld;
import io.certguard.state.StateRecord;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
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
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS emulator stopping in the middle of a scan: the function's SNS or DynamoDB client goes through an
 * {@link OutageProxy} (the SDK's {@code AWS_ENDPOINT_URL_SNS} / {@code AWS_ENDPOINT_URL_DYNAMODB}) that resets every
 * connection from a chosen request on, through the production wiring. Alarms are read back from an SQS queue
 * subscribed to the topic; the table is read directly from the emulator.
 */
@ExtendWith(AwsEmulator.class)
class ScanOutageEndToEndTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    /** 20 days left: each domain crosses the 30-day threshold and gets exactly one alarm. */
    private static final Instant RUN = T0.plus(Duration.ofDays(20));
    /** Later than the outbox lease, so an alarm claimed by a failed run can be claimed again. */
    private static final Duration NEXT_RUN = AlarmOutbox.LEASE.plus(Duration.ofMinutes(45));

    private final MutableClock clock = new MutableClock(T0);
    private OfflineWorld world;
    private final List<OutageProxy> proxies = new ArrayList<>();

    @BeforeEach
    void world() {
        world = OfflineWorld.start(clock);
        for (int i = 1; i <= 3; i++) {
            world.addDomain(sid(i), host(i), T0.plus(Duration.ofDays(40)), UnaryOperator.identity());
        }
    }

    @AfterEach
    void stop() {
        proxies.forEach(OutageProxy::close);
        world.close();
    }

    private static DomainSid sid(int i) {
        return new DomainSid("DN" + Integer.toString(i).repeat(32));
    }

    private static String host(int i) {
        return "links" + i + ".example.com";
    }

    private static String subject(int i) {
        return "[30131 WARNING] " + host(i) + " certificate expires in 20 days";
    }

    /** The function's environment over a fresh table, topic and inbox, watching the first {@code domains} domains. */
    private Map<String, String> stack(AwsStack stack, int domains) {
        Map<String, String> env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        List<String> entries = new ArrayList<>();
        for (int i = 1; i <= domains; i++) {
            entries.add(sid(i).value() + "=" + host(i) + ":" + world.tls().port());
        }
        env.put("DOMAINS", String.join(",", entries)); // only this test's domains, whatever the world holds
        env.put("SCAN_CONCURRENCY", "1"); // one domain at a time: each cut position means one step of one domain
        return env;
    }

    private OutageProxy proxy(AwsEmulator.Endpoint emulator) throws IOException {
        OutageProxy proxy = OutageProxy.forwardingTo(emulator.uri());
        proxies.add(proxy);
        return proxy;
    }

    /** The outcome of one invocation: its summary, or the exception it failed with. */
    private record Run(Optional<JsonObject> summary, Optional<RuntimeException> failure) {
        int number(String name) {
            return summary.orElseThrow(() -> new AssertionError("the run failed: " + failure.orElseThrow()))
                    .optionalNumber(name).orElseThrow().intValue();
        }

        boolean failedLoudly() {
            return failure.isPresent() || number("failed") > 0;
        }
    }

    private Run runAt(Map<String, String> env, Instant now) {
        clock.set(now);
        ScanLambda handler = ScanLambda.wiredFrom(env, clock, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(ProjectFiles.event("scan-schedule.json")
                    .getBytes(StandardCharsets.UTF_8)), out, null);
            return new Run(Optional.of(Json.parseObject(out.toString(StandardCharsets.UTF_8))), Optional.empty());
        } catch (RuntimeException e) {
            return new Run(Optional.empty(), Optional.of(e));
        }
    }

    /** How many alarms each host received (a run on a later day words the same alarm "19 days"). */
    private static Map<String, Long> countByHost(List<String> subjects) {
        return subjects.stream().map(s -> s.replaceFirst("^\\[30131 WARNING\\] (\\S+) certificate expires in \\d+ days$", "$1"))
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    @Test
    void snsStoppingAfterTheFirstOfThreeAlarms_keepsTheOtherTwo_andTheNextRunSendsExactlyThose(AwsClients aws,
            SqsClient sqs, AwsEmulator.Endpoint emulator) throws IOException {
        AwsStack stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        Map<String, String> env = stack(stack, 3);
        OutageProxy sns = proxy(emulator);
        env.put(AwsEndpoints.SNS, sns.uri().toString());
        sns.stopAtOperation("Publish", 2);

        Run cut = runAt(env, RUN);

        assertThat(cut.number("alarmsPublished")).isEqualTo(1);
        assertThat(cut.number("alarmsPending")).as("kept in the outbox, not lost").isEqualTo(2);
        assertThat(cut.number("failed")).as("the run reports the two domains whose alarm did not go out").isEqualTo(2);
        List<String> first = stack.inbox().subjects();
        assertThat(first).hasSize(1);
        DynamoDbStateStore table = new DynamoDbStateStore(aws.dynamoDb(), stack.table());
        List<PendingAlarm> pending = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            pending.addAll(AlarmOutbox.read(table.load(DomainStateRecords.key(sid(i))).orElseThrow()));
        }
        assertThat(pending).as("released for the next run, not left claimed")
                .hasSize(2).allMatch(p -> p.claimable(RUN.plus(Duration.ofMinutes(1))));

        sns.restart();
        Run next = runAt(env, RUN.plus(Duration.ofHours(1)));
        Run after = runAt(env, RUN.plus(Duration.ofHours(2)));

        assertThat(next.number("alarmsPublished")).isEqualTo(2);
        assertThat(after.number("alarmsPublished")).isZero();
        List<String> all = new ArrayList<>(first);
        all.addAll(stack.inbox().subjects());
        assertThat(all).as("every alarm exactly once, as decided").containsExactlyInAnyOrder(subject(1), subject(2),
                subject(3));
    }

    /**
     * DynamoDB stops at each request position of a run in turn (a fresh table each time). Whatever the position, the
     * run fails loudly, the table holds no decision without its alarm (sent or still in the outbox) and no alarm was
     * sent without its decision recorded, and the next runs send every alarm. Exactly once, except in the one place
     * no protocol can close: DynamoDB stopping after SNS accepted an alarm and before the outbox was cleared, where the
     * alarm goes out again once its claim lapses (at-least-once, as AlarmOutbox documents).
     */
    @Test
    void dynamoDbStoppingAtEachRequestOfARun_losesNothing_andHalfWritesNothing(AwsClients aws, SqsClient sqs,
            AwsEmulator.Endpoint emulator) throws IOException {
        int domains = 2;
        List<String> steps = uncutRunOperations(aws, sqs, emulator, domains);
        // Registry query and backlog read, then per domain: partition query, deciding write, outbox read and clear.
        assertThat(steps).as("the DynamoDB requests of one run").containsExactly("Query", "GetItem",
                "Query", "PutItem", "GetItem", "PutItem", "Query", "PutItem", "GetItem", "PutItem", "GetItem");

        for (int k = 1; k <= steps.size(); k++) {
            AwsStack stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
            Map<String, String> env = stack(stack, domains);
            OutageProxy dynamoDb = proxy(emulator);
            env.put(AwsEndpoints.DYNAMODB, dynamoDb.uri().toString());
            int cutAt = k;
            int[] seen = {0};
            dynamoDb.stopAt(request -> ++seen[0] == cutAt);

            Run cut = runAt(env, RUN);
            assertThat(dynamoDb.isDown()).as("cut at request %d", k).isTrue();
            assertThat(cut.failedLoudly()).as("cut at request %d: the run says it failed", k).isTrue();
            List<String> sentByCutRun = stack.inbox().subjects();
            DynamoDbStateStore table = new DynamoDbStateStore(aws.dynamoDb(), stack.table());
            for (int i = 1; i <= domains; i++) {
                Optional<StateRecord> record = table.load(DomainStateRecords.key(sid(i)));
                boolean sent = countByHost(sentByCutRun).containsKey(host(i));
                assertThat(!sent || record.isPresent()).as("cut at %d: domain %d alarmed without a recorded decision", k, i)
                        .isTrue();
                record.ifPresent(r -> {
                    assertThat(DomainStateRecords.read(r).rememberedCertificates()).as("cut at %d", cutAt).hasSize(1);
                    assertThat(sent || !AlarmOutbox.read(r).isEmpty())
                            .as("cut at %d: a decision whose alarm is neither sent nor pending", cutAt).isTrue();
                });
            }

            dynamoDb.restart();
            Run next = runAt(env, RUN.plus(NEXT_RUN));
            assertThat(next.failedLoudly()).as("cut at %d: the next run is clean", k).isFalse();
            for (int i = 1; i <= domains; i++) {
                assertThat(AlarmOutbox.read(table.load(DomainStateRecords.key(sid(i))).orElseThrow()))
                        .as("cut at %d: outbox of domain %d emptied: nothing left to send later", k, i).isEmpty();
            }

            List<String> all = new ArrayList<>(sentByCutRun);
            all.addAll(stack.inbox().subjects());
            Map<String, Long> counts = countByHost(all);
            boolean cutBetweenPublishAndClear = List.of(5, 6, 9, 10).contains(k);
            assertThat(counts.keySet()).as("cut at %d: every alarm arrived", k).containsExactly(host(1), host(2));
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                    .as("cut at %d (%s): alarms received", k, steps.get(k - 1))
                    .isEqualTo(cutBetweenPublishAndClear ? domains + 1 : domains);
        }
    }

    /** The DynamoDB operations of one uncut first run over {@code domains} domains, as the proxy forwarded them. */
    private List<String> uncutRunOperations(AwsClients aws, SqsClient sqs, AwsEmulator.Endpoint emulator, int domains)
            throws IOException {
        AwsStack stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        Map<String, String> env = stack(stack, domains);
        OutageProxy dynamoDb = proxy(emulator);
        env.put(AwsEndpoints.DYNAMODB, dynamoDb.uri().toString());
        Run run = runAt(env, RUN);
        assertThat(run.number("alarmsPublished")).isEqualTo(domains);
        return dynamoDb.forwardedOperations();
    }
}
