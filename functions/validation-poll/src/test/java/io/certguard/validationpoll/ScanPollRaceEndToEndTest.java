package io.certguard.validationpoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.adapter.aws.AwsEndpoints;
import io.certguard.adapter.aws.DynamoDbStateStore;
import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.adapter.twilio.TwilioHttpClient;
import io.certguard.alarm.AlarmOutbox;
import io.certguard.config.EnvironmentVariables;
import io.certguard.domain.DomainSid;
import io.certguard.domain.MonitoredDomain;
import io.certguard.expiry.ExpiryPolicy;
import io.certguard.scan.Deadline;
import io.certguard.scan.DomainResult;
import io.certguard.scan.DomainScanner;
import io.certguard.scan.DomainStateRecords;
import io.certguard.scan.ScanAlarmRenderer;
import io.certguard.scan.ScanPolicy;
import io.certguard.scan.ScanSummary;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.ValidationOutcome;
import io.certguard.simulator.ValidationPlan;
import io.certguard.state.StateRecord;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import io.certguard.testing.TestSids;
import io.certguard.testpki.HeldCertificate;
import io.certguard.tls.CertificateFingerprint;
import io.certguard.twilio.TlsCertPayload;
import io.certguard.upload.UploadAlarmRenderer;
import io.certguard.upload.UploadRecord;
import io.certguard.upload.UploadStatus;
import io.certguard.validation.PollSettings;
import io.certguard.validation.ValidationPoller;
import io.certguard.validation.ValidationPolicy;
import io.certguard.wiring.CommonSettings;
import io.certguard.wiring.FunctionRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A scan and a validation poll started together (a barrier), round after round, on one table: the production use
 * cases ({@link DomainScanner}, {@link ValidationPoller}) with the production DynamoDB and SNS adapters, the Twilio
 * simulator and the loopback TLS host. Each round has its own domain: its certificate expires in 20 days and a
 * replacement was uploaded and is due for the poll. Twilio answers its first read "pending" and validates at the second,
 * so whichever of the two reads first decides what the other sees: a scan that reads first alarms on the old
 * certificate ("a replacement is being validated"); a poll that reads first waits, and the scan sees the new one. The scan
 * writes the domain's STATE item and the poll its UPLOAD# item, while each reads what the other writes (the scan's
 * "validation in progress" comes from the upload record).
 */
@ExtendWith(AwsEmulator.class)
class ScanPollRaceEndToEndTest {

    static final int ROUNDS = 20;
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant OLD_EXPIRY = T0.plus(Duration.ofDays(20));
    private static final Instant NEW_EXPIRY = T0.plus(Duration.ofDays(90));

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
        return TestSids.numbered(round + 0xabc000);
    }

    private static String host(int round) {
        return "race" + round + ".example.com";
    }

    /** The round's domain, with its replacement posted to Twilio and recorded as the upload function records it. */
    private void uploaded(int round, Instant at) {
        world.addDomain(sid(round), host(round), OLD_EXPIRY,
                d -> d.withValidationPlan(ValidationPlan.afterReads(1, ValidationOutcome.PROMOTE)));
        HeldCertificate leaf = world.issue(host(round), NEW_EXPIRY);
        world.tls().serve(host(round), world.chain(leaf)); // served as soon as Twilio has validated it
        new TwilioHttpClient(TwilioClientSettings.defaults(world.twilio().baseUri()), OfflineWorld.CREDENTIALS)
                .uploadCertificate(sid(round), new TlsCertPayload(world.bundlePem(leaf)));
        table.save(new UploadRecord(sid(round), "version-" + round, UploadStatus.VALIDATING, "certguard/race",
                Optional.of(host(round)), Optional.of(NEW_EXPIRY),
                Optional.of(CertificateFingerprint.sha256(leaf.certificate())),
                Optional.of(leaf.certificate().getSerialNumber().toString(16)), Optional.of(OLD_EXPIRY), Optional.of(at),
                Optional.empty(), 0, 0, List.of(), Optional.empty(), Optional.empty(), Optional.of(at)).toStateRecord());
    }

    /** The two use cases over the production adapters, built from the functions' environment. */
    private record UseCases(DomainScanner scanner, ValidationPoller poller, FunctionRuntime runtime) {
    }

    private UseCases useCases() {
        Map<String, String> env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        CommonSettings settings = CommonSettings.from(new EnvironmentVariables(env, CommonSettings.VARIABLES));
        FunctionRuntime runtime = new FunctionRuntime(settings, AwsEndpoints.from(env));
        DomainScanner scanner = new DomainScanner(runtime.twilio(), runtime.served(), runtime.letsEncryptCaa(),
                runtime.store(), runtime.publisher(), new ScanAlarmRenderer(settings.certificateSecretPrefix()),
                new ScanPolicy(new ExpiryPolicy(settings.thresholds())), 4);
        ValidationPoller poller = new ValidationPoller(runtime.store(), runtime.twilio(), runtime.served(),
                runtime.publisher(), new UploadAlarmRenderer(),
                new ValidationPolicy(PollSettings.of(Duration.ofMinutes(30), Duration.ofMinutes(60))), runtime::domain, 8);
        return new UseCases(scanner, poller, runtime);
    }

    private UploadRecord upload(int round) {
        return UploadRecord.fromStateRecord(table.load(UploadRecord.key(sid(round), "version-" + round)).orElseThrow());
    }

    @Test
    void aScanAndAPollRacing_loseNoDecision_andSendNoAlarmTwice() throws Exception {
        List<String> subjects = new ArrayList<>();
        int pollsThatReachedLiveInTheRace = 0;
        int scansThatAlarmedOnTheOldCertificate = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 1; i <= ROUNDS; i++) {
                int round = i;
                Instant now = T0.plus(Duration.ofHours(round));
                clock.set(now);
                uploaded(round, now);
                UseCases cases = useCases();
                MonitoredDomain domain = cases.runtime().domains().stream().filter(d -> d.sid().equals(sid(round)))
                        .findFirst().orElseThrow();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<ScanSummary> scan = pool.submit(() -> {
                    start.await();
                    return cases.scanner().scan(List.of(domain), now, Deadline.NONE);
                });
                Future<?> poll = pool.submit(() -> {
                    start.await();
                    return cases.poller().pollDue(now, Deadline.NONE);
                });
                DomainResult scanned = scan.get(60, TimeUnit.SECONDS).domains().get(0);
                poll.get(60, TimeUnit.SECONDS);
                assertThat(scanned.outcome()).as("round %d: %s", round, scanned.failures()).isEqualTo(DomainResult.Outcome.CHECKED);
                boolean liveInTheRace = upload(round).status() == UploadStatus.LIVE;
                if (liveInTheRace) {
                    pollsThatReachedLiveInTheRace++;
                }
                // Afterwards, in turn: the poll finishes the upload, and a later scan must add nothing.
                for (int more = 0; more < 5 && upload(round).pollAt().isPresent(); more++) {
                    cases.poller().pollDue(upload(round).pollAt().get(), Deadline.NONE);
                }
                List<String> raced = stack.inbox().subjects();
                String resolved = "[RESOLVED INFO] " + host(round) + " certificate replaced, now expires 2027-02-25";
                assertThat(raced).as("round %d", round).containsOnlyOnce(resolved);
                List<String> expiryAlarms = raced.stream().filter(s -> s.contains(host(round) + " certificate expires in"))
                        .toList();
                assertThat(expiryAlarms).as("round %d: the scan alarms at most once, on the certificate it saw", round)
                        .hasSizeLessThanOrEqualTo(1);
                StateRecord state = table.load(DomainStateRecords.key(sid(round))).orElseThrow();
                assertThat(AlarmOutbox.read(state)).as("round %d: nothing left in the scan's outbox", round).isEmpty();
                assertThat(!expiryAlarms.isEmpty()).as("round %d: the scan alarmed on the old certificate exactly when it"
                        + " read Twilio first, which is when the poll, reading second, saw the validation done", round)
                        .isEqualTo(liveInTheRace);
                if (!expiryAlarms.isEmpty()) {
                    scansThatAlarmedOnTheOldCertificate++;
                    assertThat(DomainStateRecords.read(state).rememberedCertificates())
                            .as("round %d: the scan's de-dup mark for the alarm it sent is kept", round).hasSize(1);
                }
                assertThat(upload(round).status()).as("round %d: the poll's decision is recorded", round)
                        .isEqualTo(UploadStatus.LIVE);

                // Later scans see the new certificate: the scan's own "renewed" once if it had alarmed, then nothing.
                cases.scanner().scan(List.of(domain), now.plus(Duration.ofMinutes(30)), Deadline.NONE);
                cases.scanner().scan(List.of(domain), now.plus(Duration.ofMinutes(40)), Deadline.NONE);
                List<String> later = stack.inbox().subjects();
                assertThat(later).as("round %d: later scans", round).containsExactlyElementsOf(expiryAlarms.isEmpty()
                        ? List.of()
                        : List.of("[RESOLVED INFO] " + host(round) + " certificate renewed, now expires 2027-02-25"));
                subjects.addAll(later);
                subjects.addAll(raced);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> counts = subjects.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.values()).as("no alarm sent twice over %d rounds", ROUNDS).allMatch(n -> n == 1);
        System.out.printf("scan vs poll: %d rounds, %d polls reached LIVE during the race, %d scans alarmed on"
                + " the old certificate%n", ROUNDS, pollsThatReachedLiveInTheRace, scansThatAlarmedOnTheOldCertificate);
    }
}
