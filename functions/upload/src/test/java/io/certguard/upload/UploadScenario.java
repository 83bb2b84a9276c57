package io.certguard.upload;

import io.certguard.adapter.aws.AwsClients;
import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.simulator.OfflineWorld;
import io.certguard.simulator.RecordedRequest;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.AwsStack;
import io.certguard.testing.MutableClock;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.TestLambdaContext;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The upload function end to end: its production wiring against the AWS emulator (state table, alarm topic with an SQS
 * inbox, credentials and certificate secrets) and the offline world (Twilio simulator, TLS host, DNS, test PKI).
 * Events are the samples of events/, pointed at this scenario's secret.
 */
final class UploadScenario implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");
    static final DomainSid SID = new DomainSid("DN" + "0123456789abcdef".repeat(2));
    static final String HOST = "links.example.com";

    final MutableClock clock = new MutableClock(T0);
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final AwsStack stack;
    final OfflineWorld world;
    final HeldCertificate currentLeaf;
    final String secretName;
    final String secretArn;
    final String firstVersion;
    private final Map<String, String> env;
    private UploadLambda handler;

    /** A domain whose certificate expires in {@code daysLeft} days, and a certificate secret holding it, tagged. */
    UploadScenario(AwsClients aws, SqsClient sqs, int daysLeft) {
        stack = AwsStack.create(aws, sqs, OfflineWorld.CREDENTIALS_JSON);
        world = OfflineWorld.start(clock);
        currentLeaf = world.addDomain(SID, HOST, T0.plus(Duration.ofDays(daysLeft)), UnaryOperator.identity());
        env = new HashMap<>(stack.environment());
        env.putAll(world.environment());
        env.put("VALIDATION_TIMEOUT_MINUTES", "30");
        env.put("LIVE_GRACE_MINUTES", "60");
        secretName = "certguard/certificates/" + AwsEmulator.uniqueName("links");
        var created = secrets().createSecret(b -> b.name(secretName).secretString(world.bundlePem(currentLeaf))
                .tags(t -> t.key("certguard:domain-sid").value(SID.value())));
        secretArn = created.arn();
        firstVersion = created.versionId();
    }

    SecretsManagerClient secrets() {
        return stack.aws().secretsManager();
    }

    /** One handler per scenario, built like the Lambda runtime builds it (at init). */
    synchronized UploadLambda handler() {
        if (handler == null) {
            handler = UploadLambda.wiredFrom(env, clock, sleeps::add, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        }
        return handler;
    }

    /** A leaf for the domain expiring {@code days} days after T0. */
    HeldCertificate leaf(int days) {
        return world.issue(HOST, T0.plus(Duration.ofDays(days)));
    }

    /** Stores {@code value} as a new AWSCURRENT version; returns its id. */
    String putCurrent(String value) {
        return secrets().putSecretValue(b -> b.secretId(secretName).secretString(value)).versionId();
    }

    /** Stores {@code value} as the AWSPENDING version {@code token} (what a certificate pipeline does before rotating). */
    void putPending(String token, String value) {
        secrets().putSecretValue(b -> b.secretId(secretName).secretString(value).clientRequestToken(token)
                .versionStages("AWSPENDING"));
    }

    /**
     * Turns rotation on. moto runs no rotation function without a Lambda to invoke: it only records the rules, and
     * copies the current value into a new AWSCURRENT version, which changes nothing certguard looks at.
     */
    void enableRotation() {
        secrets().rotateSecret(b -> b.secretId(secretName).rotateImmediately(false)
                .rotationRules(r -> r.automaticallyAfterDays(30L)));
    }

    static String newToken() {
        return UUID.randomUUID().toString();
    }

    String labelUpdatedEvent(String versionId) {
        return ProjectFiles.event("secret-label-updated.json")
                .replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                        secretArn)
                .replace("\"certguard/certificates/links.example.com\"", "\"" + secretName + "\"")
                .replace("EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE", versionId);
    }

    String cloudTrailEvent(String versionId) {
        return ProjectFiles.event("secret-put-via-cloudtrail.json")
                .replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                        secretArn)
                .replace("\"certguard/certificates/links.example.com\"", "\"" + secretName + "\"")
                .replace("EXAMPLE4-90ab-cdef-fedc-ba987EXAMPLE", versionId);
    }

    String rotationEvent(String step, String token) {
        return ProjectFiles.event("rotation-" + step + ".json")
                .replace("arn:aws:secretsmanager:us-east-1:123456789012:secret:certguard/certificates/links.example.com-AbCdEf",
                        secretArn)
                .replace("EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE", token);
    }

    JsonObject invoke(String event) {
        return invoke(event, TestLambdaContext.withRemaining(Duration.ofMinutes(14)));
    }

    JsonObject invoke(String event, TestLambdaContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    /** Certificate POSTs the simulator received (faulted ones included). */
    List<RecordedRequest> certificatePosts() {
        return world.twilio().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/Certificate")).toList();
    }

    /** Every item of the state table, as text. */
    List<String> tableItems() {
        List<String> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : stack.aws().dynamoDb().scan(b -> b.tableName(stack.table())).items()) {
            items.add(item.toString());
        }
        return items;
    }

    /** The upload record of {@code versionId} as stored, attribute by attribute. */
    Map<String, AttributeValue> uploadItem(String versionId) {
        return stack.aws().dynamoDb().getItem(b -> b.tableName(stack.table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("DOMAIN#" + SID), "sk", AttributeValue.fromS("UPLOAD#" + versionId))))
                .item();
    }

    String status(String versionId) {
        Map<String, AttributeValue> item = uploadItem(versionId);
        return item.isEmpty() ? "(none)" : item.get("status").s();
    }

    String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        world.close();
    }
}
