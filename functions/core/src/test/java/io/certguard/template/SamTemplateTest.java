package io.certguard.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.certguard.json.Json;
import io.certguard.testing.ProjectFiles;
import io.certguard.testing.SamTemplate;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml against the SAM JSON schema (../shared/aws/sam.schema.json) and the project's own rules. */
class SamTemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() {
        template = SamTemplate.load();
    }

    @Test
    void validatesAgainstTheSamSchema() throws Exception {
        Schema schema = samSchema();
        List<Error> errors = schema.validate(Json.write(template.document()), InputFormat.JSON);
        assertThat(errors).extracting(Error::toString).isEmpty();
    }

    @Test
    void theSchemaCheckIsNotVacuous_aMisspelledPropertyFails() throws Exception {
        Schema schema = samSchema();
        Map<String, Object> broken = deepCopy(template.document());
        functionProperties(broken, "ScanFunction").put("Runtme", "java21");

        assertThat(schema.validate(Json.write(broken), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void functionsRunJava21OnArm64WithSnapStartOnAPublishedAlias() {
        Map<String, Object> globals = globalsFunction();
        assertThat(globals).containsEntry("Runtime", "java21")
                .containsEntry("Architectures", List.of("arm64"))
                .containsEntry("AutoPublishAlias", "live")
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        assertThat(template.resourcesOfType("AWS::Serverless::Function"))
                .containsExactlyInAnyOrder("ScanFunction", "UploadFunction", "ValidationPollFunction");
    }

    @Test
    void everyFunctionIsBuiltByTheMakefile_fromTheRepositoryRoot() throws Exception {
        String makefile = Files.readString(ProjectFiles.root().resolve("Makefile"));
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) template.resources().get(function);
            assertThat(resource.get("Metadata")).as(function).isEqualTo(Map.of("BuildMethod", "makefile"));
            assertThat(template.properties(function)).containsEntry("CodeUri", ".");
            assertThat(makefile).as("Makefile target for %s", function).contains("build-" + function + ":");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void stateTableIsOnDemand_withPointInTimeRecovery_ttl_andTheSparsePollIndex() {
        Map<String, Object> table = template.properties("StateTable");
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                .containsEntry("TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true));
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) table.get("GlobalSecondaryIndexes");
        assertThat(indexes).extracting(i -> i.get("IndexName")).containsExactly("PollIndex");
    }

    @Test
    void alarmTopicIsKmsEncrypted_andSubscriptionsAreOptional() {
        assertThat(template.properties("AlarmTopic")).containsEntry("KmsMasterKeyId", Map.of("Ref", "AlarmTopicKey"));
        assertThat(condition("AlarmEmailSubscription")).contains("HasAlarmEmail");
        assertThat(condition("AlarmSmsSubscription")).contains("HasAlarmPhone");
        assertThat(template.properties("AlarmEmailSubscription")).containsEntry("Protocol", "email");
        assertThat(template.properties("AlarmSmsSubscription")).containsEntry("Protocol", "sms");
    }

    @Test
    @SuppressWarnings("unchecked")
    void functionRolesGrantNoWildcardActions() {
        List<String> roles = template.resourcesOfType("AWS::IAM::Role");
        assertThat(roles).hasSameSizeAs(template.resourcesOfType("AWS::Serverless::Function"));
        for (String role : roles) {
            List<Object> policies = (List<Object>) template.properties(role).get("Policies");
            assertThat(policies).as(role).isNotEmpty();
            String text = Json.write(policies);
            assertThat(text).as(role).doesNotContain("\"*\"").doesNotContain(":*\"");
        }
    }

    private static Schema samSchema() throws Exception {
        Optional<Path> path = ProjectFiles.sharedData("certguard.samSchema");
        if (path.isEmpty() && ProjectFiles.onCi()) {
            throw new AssertionError("CI=true but the SAM schema is not configured: .ci/run must export CERTGUARD_SAM_SCHEMA");
        }
        assumeThat(path).as("SAM schema not configured (set CERTGUARD_SAM_SCHEMA to ../shared/aws/sam.schema.json); skipped")
                .isPresent();
        try (InputStream in = Files.newInputStream(path.get())) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> globalsFunction() {
        return (Map<String, Object>) ((Map<String, Object>) template.document().get("Globals")).get("Function");
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> condition(String logicalId) {
        return Optional.ofNullable((String) ((Map<String, Object>) template.resources().get(logicalId)).get("Condition"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> functionProperties(Map<String, Object> document, String logicalId) {
        Map<String, Object> resources = (Map<String, Object>) document.get("Resources");
        return (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId)).get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> document) {
        return (Map<String, Object>) copy(document);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SamTemplateTest::copy).toList();
        }
        return value;
    }
}
