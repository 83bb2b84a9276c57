package io.certguard.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.adapter.twilio.TwilioClientSettings;
import io.certguard.retry.RetryPolicy;
import io.certguard.testing.SamTemplate;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * Every function runs as its own explicit role whose every statement names its resources, and no managed policy is
     * attached anywhere: SAM's generated role would attach AWSLambdaBasicExecutionRole, whose logs statement is on
     * {@code Resource: "*"}.
     */
    @Test
    void everyFunctionRunsAsItsOwnRole_whoseStatementsAreEachScopedToNamedResources() {
        assertThat(roleViolations(template)).isEmpty();
        assertThat(functions()).hasSize(3).allSatisfy(f -> assertThat(roleStatements(template, f)).isNotEmpty());
    }

    /** The check above is not vacuous: each way a role can be too broad is caught. */
    @Test
    void theRoleCheckFindsAManagedPolicy_aGeneratedRole_aWildcard_andAnotherFunctionsResource() {
        // Each load is a fresh parse into mutable maps, so each case changes its own copy.
        SamTemplate managed = SamTemplate.load();
        managed.properties("ScanFunctionRole").put("ManagedPolicyArns",
                List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        assertThat(roleViolations(managed)).anyMatch(v -> v.contains("ManagedPolicyArns"));

        SamTemplate generated = SamTemplate.load();
        Map<String, Object> poll = generated.properties("ValidationPollFunction");
        poll.remove("Role");
        poll.put("Policies", List.of(Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "StateTable")))));
        assertThat(roleViolations(generated)).anyMatch(v -> v.startsWith("ValidationPollFunction: SAM Policies"))
                .anyMatch(v -> v.startsWith("ValidationPollFunction: no explicit role"));

        SamTemplate wildcard = SamTemplate.load();
        mutableStatement(wildcard, "UploadFunctionRole", "OwnLogGroup").put("Resource", "*");
        assertThat(roleViolations(wildcard)).anyMatch(v -> v.startsWith("UploadFunction: OwnLogGroup"));

        SamTemplate foreign = SamTemplate.load();
        mutableStatement(foreign, "ScanFunctionRole", "OwnLogGroup").put("Resource",
                Map.of("Fn::GetAtt", List.of("UploadFunctionLogGroup", "Arn")));
        mutableStatement(foreign, "ScanFunctionRole", "StateTable").put("Action", List.of("dynamodb:Scan"));
        assertThat(roleViolations(foreign)).anyMatch(v -> v.startsWith("ScanFunction: OwnLogGroup"))
                .anyMatch(v -> v.startsWith("ScanFunction: StateTable"));
    }

    @Test
    void secretsManagerAccessIsOnlyUnderTheCertificatePrefixAndToTheCredentialsSecret() {
        for (String function : functions()) {
            List<Map<String, Object>> secretStatements = roleStatements(template, function).stream()
                    .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("secretsmanager:"))).toList();
            assertThat(secretStatements).as("%s reads the Twilio credentials", function)
                    .anySatisfy(s -> assertThat(s.get("Resource")).isEqualTo(Map.of("Ref", CREDENTIALS_SECRET)));
            for (Map<String, Object> statement : secretStatements) {
                assertThat(actions(statement)).as(function).allMatch(a -> a.startsWith("secretsmanager:"));
                assertThat(list(statement.get("Resource"))).as("%s: secrets it may touch", function)
                        .isNotEmpty().allMatch(r -> r.equals(Map.of("Fn::Sub", CERTIFICATE_SECRETS))
                                || r.equals(Map.of("Ref", CREDENTIALS_SECRET)));
                if (statement.get("Resource").equals(Map.of("Ref", CREDENTIALS_SECRET))) {
                    assertThat(actions(statement)).as("%s: the credentials are only read", function)
                            .containsExactly("secretsmanager:GetSecretValue");
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
            assertThat(roleStatements(template, function).stream().flatMap(s -> actions(s).stream()))
                    .as("%s gets key use from the key policy only", function).noneMatch(a -> a.startsWith("kms:"));
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

    private static List<String> functionsWriting(String action) {
        return functions().stream().filter(f -> roleStatements(template, f).stream()
                .anyMatch(s -> actions(s).contains(action))).toList();
    }

    private static String type(String logicalId) {
        return type(template, logicalId);
    }

    private static String type(SamTemplate t, String logicalId) {
        return (String) map(t.resources().get(logicalId)).get("Type");
    }

    /** The statements of the role a function runs as ({@code Role: !GetAtt <Function>Role.Arn}). */
    private static List<Map<String, Object>> roleStatements(SamTemplate t, String function) {
        Map<String, Object> role = map(t.resources().get(function + "Role"));
        return list(map(role.get("Properties")).get("Policies")).stream()
                .flatMap(p -> statements(map(map(p).get("PolicyDocument"))).stream()).toList();
    }

    /**
     * Actions the functions' state store uses (DynamoDbStateStore: load, loadPartition and dueForPoll, save, and delete,
     * which the scan uses to give back a batch claim).
     */
    private static final Set<String> STATE_TABLE_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem",
            "dynamodb:DeleteItem");
    /** What a function needs on a queue it sends to and consumes (Lambda's event source mapping polls as the role). */
    private static final Set<String> CONSUMED_QUEUE_ACTIONS = Set.of("sqs:SendMessage", "sqs:ReceiveMessage",
            "sqs:DeleteMessage", "sqs:GetQueueAttributes");

    /** What is wrong with the functions' roles, one line each; empty when each is explicit, unmanaged and scoped. */
    private static List<String> roleViolations(SamTemplate t) {
        List<String> violations = new ArrayList<>();
        findKey(t.document(), "ManagedPolicyArns", "", violations);
        Map<String, Object> globals = map(map(t.document().get("Globals")).get("Function"));
        for (String shared : List.of("Role", "Policies")) {
            if (globals.containsKey(shared)) {
                violations.add("Globals.Function." + shared + ": each function names its own role");
            }
        }
        for (String function : t.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> properties = t.properties(function);
            if (properties.containsKey("Policies")) {
                violations.add(function + ": SAM Policies (SAM generates a role with AWSLambdaBasicExecutionRole)");
            }
            String role = function + "Role";
            if (!Map.of("Fn::GetAtt", List.of(role, "Arn")).equals(properties.get("Role"))
                    || !"AWS::IAM::Role".equals(type(t, role))) {
                violations.add(function + ": no explicit role (Role: !GetAtt " + role + ".Arn, an AWS::IAM::Role)");
                continue;
            }
            violations.addAll(trustViolations(function, map(t.properties(role).get("AssumeRolePolicyDocument"))));
            for (Map<String, Object> statement : roleStatements(t, function)) {
                scopeViolation(t, function, statement).ifPresent(v -> violations.add(function + ": "
                        + statement.getOrDefault("Sid", "a statement") + ": " + v));
            }
        }
        return violations;
    }

    private static List<String> trustViolations(String function, Map<String, Object> trust) {
        List<Map<String, Object>> statements = statements(trust);
        boolean lambdaOnly = statements.size() == 1 && statements.getFirst().get("Principal")
                .equals(Map.of("Service", "lambda.amazonaws.com")) && actions(statements.getFirst()).equals(List.of("sts:AssumeRole"));
        return lambdaOnly ? List.of() : List.of(function + ": the role must be assumable by Lambda only");
    }

    /**
     * Why one statement of a function's role is broader than it needs, if it is: every action names one service, no
     * wildcard, and the resources are the ones of that service this function uses.
     */
    private static Optional<String> scopeViolation(SamTemplate t, String function, Map<String, Object> statement) {
        if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
            return Optional.of("NotAction/NotResource grant everything else");
        }
        List<String> actions = actions(statement);
        List<Object> resources = list(statement.get("Resource"));
        if (actions.isEmpty() || actions.stream().anyMatch(a -> a.contains("*"))) {
            return Optional.of("wildcard or missing actions " + actions);
        }
        if (resources.isEmpty() || resources.contains("*")) {
            return Optional.of("Resource \"*\" or none");
        }
        Set<String> services = new TreeSet<>(actions.stream().map(a -> a.substring(0, a.indexOf(':'))).toList());
        if (services.size() != 1) {
            return Optional.of("one statement per resource, not a mix of " + services);
        }
        Map<String, Object> properties = t.properties(function);
        Object ownLogGroup = Map.of("Fn::GetAtt", List.of(map(map(properties.get("LoggingConfig")).get("LogGroup")).get("Ref"), "Arn"));
        Object ownQueue = map(properties.get("DeadLetterQueue")).get("TargetArn");
        List<Object> consumedQueues = map(properties.getOrDefault("Events", Map.of())).values().stream().map(e -> map(e))
                .filter(e -> "SQS".equals(e.get("Type"))).map(e -> map(e.get("Properties")).get("Queue")).toList();
        Object table = Map.of("Fn::GetAtt", List.of("StateTable", "Arn"));
        Set<Object> indexes = new HashSet<>();
        list(t.properties("StateTable").get("GlobalSecondaryIndexes")).forEach(index -> indexes.add(
                Map.of("Fn::Sub", "${StateTable.Arn}/index/" + map(index).get("IndexName"))));
        Object topic = Map.of("Fn::Sub", "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:"
                + map(t.properties("AlarmTopic").get("TopicName")).get("Fn::Sub"));
        boolean scoped = switch (services.iterator().next()) {
            case "logs" -> Set.of("logs:CreateLogStream", "logs:PutLogEvents").containsAll(actions)
                    && resources.equals(List.of(ownLogGroup));
            case "dynamodb" -> STATE_TABLE_ACTIONS.containsAll(actions)
                    && resources.stream().allMatch(r -> r.equals(table) || indexes.contains(r))
                    && (resources.stream().noneMatch(indexes::contains) || actions.equals(List.of("dynamodb:Query")));
            case "sns" -> actions.equals(List.of("sns:Publish")) && resources.equals(List.of(topic));
            case "sqs" -> actions.equals(List.of("sqs:SendMessage")) && resources.equals(List.of(ownQueue))
                    || CONSUMED_QUEUE_ACTIONS.containsAll(actions) && consumedQueues.containsAll(resources);
            case "secretsmanager" -> resources.stream().allMatch(r -> r.equals(Map.of("Ref", CREDENTIALS_SECRET))
                    || r.equals(Map.of("Fn::Sub", CERTIFICATE_SECRETS)));
            default -> false;
        };
        return scoped ? Optional.empty()
                : Optional.of(actions + " on " + resources + " is not this function's own resource");
    }

    private static void findKey(Object node, String key, String path, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (key.equals(k)) {
                    found.add(path + "." + k + ": no managed policies, whose resources this template cannot scope");
                }
                findKey(v, key, path + "." + k, found);
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                findKey(l.get(i), key, path + "[" + i + "]", found);
            }
        }
    }

    private static Map<String, Object> mutableStatement(SamTemplate t, String role, String sid) {
        return list(t.properties(role).get("Policies")).stream()
                .flatMap(p -> statements(map(map(p).get("PolicyDocument"))).stream())
                .filter(s -> sid.equals(s.get("Sid"))).findFirst().orElseThrow();
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
