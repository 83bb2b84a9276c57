package io.certguard.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import io.certguard.adapter.aws.AwsClients;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.TwilioFault;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.TestLambdaContext;
import io.certguard.testing.TestSids;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
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
 * 200 domains while the Twilio simulator fails 30% of requests (429 with and without Retry-After, 500, 503, dropped
 * connections): every domain ends checked, failed or not reached, retries stay within their bounds, a run stops
 * starting domains before its Lambda deadline, and the next run checks the unfinished domains first.
 */
@ExtendWith(AwsEmulator.class)
class ScanUnderFaultsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    private static final int DOMAINS = 200;
    /** Twilio requests per domain and run (Certificate, Config, ValidateDns), each at most RetryPolicy's 4 attempts. */
    private static final int MAX_REQUESTS_PER_RUN = DOMAINS * 3 * 4;

    private final MutableClock clock = new MutableClock(T0);
    private OfflineWorld world;
    private Map<String, String> env;

    @BeforeEach
    void world(AwsClients aws, SqsClient sqs) {
        AwsStack stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        world = OfflineWorld.start(clock);
        for (int i = 0; i < DOMAINS; i++) {
            world.addDomain(sid(i), "links" + i + ".example.com", T0.plus(Duration.ofDays(60 + i % 30)),
                    UnaryOperator.identity());
        }
        env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        env.put("SCAN_CONCURRENCY", "16");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static DomainSid sid(int i) {
        return TestSids.numbered(i);
    }

    private record Run(JsonObject summary, List<String> order, long elapsedMillis) {
    }

    private Run run(Context context) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ScanLambda handler = ScanLambda.wiredFrom(env, clock, new PrintStream(log, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(ProjectFiles.event("scan-schedule.json")
                .getBytes(StandardCharsets.UTF_8)), out, context);
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
        List<String> order = new ArrayList<>();
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("\"domain_scanned\"")) {
                order.add(Json.parseObject(line).string("domain_sid") + " " + Json.parseObject(line).string("outcome"));
            }
        }
        return new Run(Json.parseObject(out.toString(StandardCharsets.UTF_8)), order, elapsed);
    }

    private static int number(JsonObject json, String name) {
        return json.optionalNumber(name).orElseThrow().intValue();
    }

    @Test
    void underThirtyPercentFaults_everyDomainIsAccountedFor_andRetriesStayBounded() {
        world.twilio().faultRate(0.3, 42L, TwilioFault.RATE_LIMITED, TwilioFault.RATE_LIMITED_RETRY_AFTER,
                TwilioFault.SERVER_ERROR, TwilioFault.SERVICE_UNAVAILABLE, TwilioFault.DROP_CONNECTION);
        int before = world.twilio().requestCount();

        Run run = run(null);

        JsonObject s = run.summary();
        assertThat(number(s, "checked") + number(s, "failed") + number(s, "notReached")).isEqualTo(DOMAINS);
        assertThat(number(s, "notReached")).isZero();
        assertThat(run.order()).hasSize(DOMAINS);
        assertThat(world.twilio().requestCount() - before).isBetween(DOMAINS * 3, MAX_REQUESTS_PER_RUN);
    }

    @Test
    void aRunStopsStartingDomainsBeforeItsDeadline_andTheNextRunTakesTheRestFirst() {
        world.twilio().latency(Duration.ofMillis(100));
        // 1 s of work before the 30 s margin is reached; 200 domains need at least 200 / 16 x 3 x 100 ms = 3.75 s.
        Run cut = run(TestLambdaContext.runningDown(ScanLambda.MARGIN.plusSeconds(1)));
        int notReached = number(cut.summary(), "notReached");
        assertThat(notReached).isPositive();
        assertThat(cut.elapsedMillis()).isLessThan(ScanLambda.MARGIN.plusSeconds(1).toMillis());
        List<String> left = cut.order().stream().filter(o -> o.endsWith("NOT_REACHED")).map(o -> o.split(" ")[0]).toList();

        world.twilio().latency(Duration.ZERO);
        Run next = run(null);

        assertThat(number(next.summary(), "notReached")).isZero();
        assertThat(next.order().subList(0, left.size())).extracting(o -> o.split(" ")[0]).containsExactlyElementsOf(left);
    }
}
