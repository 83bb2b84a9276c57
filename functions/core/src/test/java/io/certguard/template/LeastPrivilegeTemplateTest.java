package io.certguard.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.retry.RetryPolicy;
import io.certguard.testing.SamTemplate;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Least privilege in template.yaml: scoped resources, secrets only where they belong, an alarm topic key that only the
 * functions and CloudWatch may use, encrypted and recoverable state, bounded logs and concurrency, no event lost
 * without a dead-letter queue; and a Twilio client that sends credentials over HTTPS only.
 */
class LeastPrivilegeTemplateTest {

    private static final String CREDENTIALS_SECRET = "TwilioCredentialsSecretArn";
    private static final String CERTIFICATE_SECRETS =
            "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${CertificateSecretPrefix}*";
    /** Actions that use a key (as opposed to administering it). */
    private static final List<String> KEY_USE = List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:CreateGrant",
            "kms:Sign", "kms:GenerateMac");
    private static final Set<String> ASYNC_EVENT_TYPES = Set.of("Schedule", "ScheduleV2", "EventBridgeRule",
            "CloudWatchEvent", "SNS", "S3");

    private static SamTemplate template;

    @BeforeAll
    static void load() {
        template = SamTemplate.load();
    }

    /**
     * {@code Resource: "*"} appears only in KMS key policies, where it means "this key" and nothing else can be
     * written (a key policy is attached to its key). Everywhere else AWS takes an ARN.
     */
    @Test
    void noWildcardResourceOutsideKmsKeyPolicies() {
        List<String> wildcards = new ArrayList<>();
        template.resources().forEach((id, resource) -> findWildcards(resource, "Resources." + id, wildcards));
        findWildcards(template.document().get("Globals"), "Globals", wildcards);

        assertThat(wildcards).isNotEmpty().allSatisfy(path -> assertThat(path).matches(
                "Resources\\.(\\w+)\\.Properties\\.KeyPolicy\\.Statement\\[\\d+]\\.Resource")
                .satisfies(p -> assertThat(type(p.split("\\.")[1])).isEqualTo("AWS::KMS::Key")));
    }

    @Test
    void secretsManagerAccessIsOnlyUnderTheCertificatePrefixAndToTheCredentialsSecret() {
        for (String function : functions()) {
            for (Object policy : policies(function)) {
                Map<String, Object> entry = map(policy);
                if (entry.containsKey("AWSSecretsManagerGetSecretValuePolicy")) {
                    assertThat(entry.get("AWSSecretsManagerGetSecretValuePolicy")).as(function)
                            .isEqualTo(Map.of("SecretArn", Map.of("Ref", CREDENTIALS_SECRET)));
                    continue;
                }
                assertThat(entry.keySet()).as("%s: SAM policy templates", function)
                        .noneMatch(name -> name.contains("SecretsManager") || name.contains("Secret") && !name.equals("Statement"));
                for (Map<String, Object> statement : statements(entry)) {
                    if (actions(statement).stream().anyMatch(a -> a.startsWith("secretsmanager:"))) {
                        assertThat(actions(statement)).as(function).allMatch(a -> a.startsWith("secretsmanager:"));
                        assertThat(list(statement.get("Resource"))).as("%s: secrets it may touch", function)
                                .isNotEmpty().allMatch(r -> r.equals(Map.of("Fn::Sub", CERTIFICATE_SECRETS))
                                        || r.equals(Map.of("Ref", CREDENTIALS_SECRET)));
                    }
                }
            }
        }
        assertThat(functionsWriting("secretsmanager:PutSecretValue")).containsExactly("UploadFunction");
        assertThat(functionsWriting("secretsmanager:UpdateSecretVersionStage")).containsExactly("UploadFunction");
    }

    @Test
    void theAlarmTopicIsEncryptedWithAKeyOnlyTheFunctionsAndCloudWatchMayUse() {
        assertThat(template.properties("AlarmTopic")).containsEntry("KmsMasterKeyId", Map.of("Ref", "AlarmTopicKey"));
        Map<String, Object> key = template.properties("AlarmTopicKey");
        assertThat(key).containsEntry("EnableKeyRotation", true);
        List<Map<String, Object>> statements = statements(map(key.get("KeyPolicy")));
        assertThat(statements).allSatisfy(s -> assertThat(s).containsEntry("Effect", "Allow"));

        Map<String, Object> root = statements.stream().filter(s -> s.get("Principal").equals(Map.of("AWS",
                Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root")))).findFirst().orElseThrow();
        assertThat(actions(root)).as("the account administers the key").contains("kms:Put*", "kms:ScheduleKeyDeletion",
                "kms:Enable*", "kms:Describe*");
        assertThat(KEY_USE).as("the account statement grants no use of the key")
                .noneMatch(use -> actions(root).stream().anyMatch(granted -> matches(granted, use)));

        List<Map<String, Object>> users = statements.stream()
                .filter(s -> KEY_USE.stream().anyMatch(use -> actions(s).stream().anyMatch(a -> matches(a, use))))
                .toList();
        assertThat(users).hasSize(2);
        Map<String, Object> functions = users.stream().filter(s -> map(s.get("Principal")).containsKey("AWS"))
                .findFirst().orElseThrow();
        assertThat(list(map(functions.get("Principal")).get("AWS"))).as("roles that may publish encrypted alarms")
                .containsExactlyInAnyOrderElementsOf(functions().stream()
                        .map(f -> (Object) Map.of("Fn::GetAtt", List.of(f + "Role", "Arn"))).toList());
        assertThat(functions.get("Condition")).as("the roles use the key only through SNS").isEqualTo(Map.of(
                "StringEquals", Map.of("kms:ViaService", Map.of("Fn::Sub", "sns.${AWS::Region}.amazonaws.com"))));
        Map<String, Object> cloudWatch = users.stream().filter(s -> s != functions).findFirst().orElseThrow();
        assertThat(cloudWatch.get("Principal")).isEqualTo(Map.of("Service", "cloudwatch.amazonaws.com"));
        assertThat(map(map(cloudWatch.get("Condition")).get("StringEquals")))
                .containsEntry("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"));
        for (Map<String, Object> user : users) {
            assertThat(actions(user)).containsExactlyInAnyOrder("kms:GenerateDataKey*", "kms:Decrypt");
        }
        for (String function : functions()) {
            assertThat(policies(function).stream().flatMap(p -> statements(map(p)).stream())
                    .flatMap(s -> actions(s).stream())).as("%s gets key use from the key policy only", function)
                    .noneMatch(a -> a.startsWith("kms:"));
        }
    }

    @Test
    void stateTableIsEncryptedAndRecoverable() {
        assertThat(template.properties("StateTable"))
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithARetention() {
        for (String function : functions()) {
            Object logGroup = map(template.properties(function).get("LoggingConfig")).get("LogGroup");
            assertThat(logGroup).as(function).isInstanceOf(Map.class);
            String id = (String) map(logGroup).get("Ref");
            assertThat(type(id)).as(function).isEqualTo("AWS::Logs::LogGroup");
            assertThat(template.properties(id).get("RetentionInDays")).as(id).isInstanceOf(Integer.class)
                    .satisfies(days -> assertThat((Integer) days).isBetween(1, 3653));
        }
        assertThat(template.resourcesOfType("AWS::Logs::LogGroup")).hasSameSizeAs(functions());
    }

    @Test
    void theUploadFunctionHasAReservedConcurrency() {
        assertThat(template.properties("UploadFunction").get("ReservedConcurrentExecutions")).isInstanceOf(Integer.class)
                .satisfies(n -> assertThat((Integer) n).isBetween(1, 10));
    }

    @Test
    void everyAsynchronousTriggerHasADeadLetterQueue() {
        int asyncEvents = 0;
        for (String function : functions()) {
            Map<String, Object> properties = template.properties(function);
            Map<String, Object> events = map(properties.getOrDefault("Events", Map.of()));
            List<String> async = events.entrySet().stream()
                    .filter(e -> ASYNC_EVENT_TYPES.contains(map(e.getValue()).get("Type"))).map(Map.Entry::getKey).toList();
            if (async.isEmpty()) {
                continue;
            }
            Map<String, Object> dlq = map(properties.get("DeadLetterQueue"));
            assertThat(dlq).as("%s: failed asynchronous invocations", function).containsEntry("Type", "SQS");
            String queue = (String) list(map(dlq.get("TargetArn")).get("Fn::GetAtt")).getFirst();
            assertThat(type(queue)).isEqualTo("AWS::SQS::Queue");
            assertThat(template.properties(queue)).as(queue).containsEntry("SqsManagedSseEnabled", true);
            for (String event : async) {
                asyncEvents++;
                assertThat(map(map(events.get(event)).get("Properties")).get("DeadLetterConfig"))
                        .as("%s.%s: events EventBridge cannot deliver", function, event).isEqualTo(Map.of("Type", "SQS"));
            }
        }
        assertThat(asyncEvents).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://messaging.twilio.com", "http://10.0.0.1:8080", "http://localhost.example.com",
            "http://[2001:db8::1]", "ftp://messaging.twilio.com", "ws://127.0.0.1:8080"})
    void theTwilioClientRefusesAnythingButHttpsExceptOnLoopback(String url) {
        assertThatThrownBy(() -> new TwilioClientSettings(URI.create(url), Duration.ofSeconds(1), Duration.ofSeconds(1),
                RetryPolicy.none(), 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwilioClientSettings.parseBaseUri(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTwilioClientTakesHttpsAnywhere_plainHttpOnlyOnLoopback_andTheTemplateDefaultIsHttps() {
        assertThat(TwilioClientSettings.defaults(URI.create("http://127.0.0.1:8080")).baseUri().getScheme()).isEqualTo("http");
        assertThat(TwilioClientSettings.defaults(URI.create("http://[::1]:8080")).baseUri().getScheme()).isEqualTo("http");
        Map<String, Object> parameter = map(map(template.document().get("Parameters")).get("TwilioApiBaseUrl"));
        assertThat(TwilioClientSettings.parseBaseUri((String) parameter.get("Default")).getScheme()).isEqualTo("https");
    }

    private static List<String> functions() {
        return template.resourcesOfType("AWS::Serverless::Function");
    }

    private static List<Object> policies(String function) {
        return list(template.properties(function).get("Policies"));
    }

    private static List<String> functionsWriting(String action) {
        return functions().stream().filter(f -> policies(f).stream().flatMap(p -> statements(map(p)).stream())
                .anyMatch(s -> actions(s).contains(action))).toList();
    }

    private static String type(String logicalId) {
        return (String) map(template.resources().get(logicalId)).get("Type");
    }

    /** Every {@code Resource} whose value is or contains {@code "*"}, by path. */
    private static void findWildcards(Object node, String path, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Resource".equals(k) && list(v).contains("*")) {
                    found.add(path + ".Resource");
                } else {
                    findWildcards(v, path + "." + k, found);
                }
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                findWildcards(l.get(i), path + "[" + i + "]", found);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return list(policy.getOrDefault("Statement", List.of())).stream().map(s -> (Map<String, Object>) s).toList();
    }

    private static List<String> actions(Map<String, Object> statement) {
        return list(statement.get("Action")).stream().map(String::valueOf).toList();
    }

    /** IAM action matching: {@code *} in the granted action stands for any characters (case-insensitive). */
    private static boolean matches(String granted, String action) {
        String regex = "(?i)" + java.util.regex.Pattern.quote(granted).replace("*", "\\E.*\\Q");
        return action.matches(regex);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }
}
