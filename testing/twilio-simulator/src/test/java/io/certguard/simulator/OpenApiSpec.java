package io.certguard.simulator;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of Twilio's OpenAPI 3.0 files (read with Jackson, test scope only) and validation against its schemas with
 * networknt's OpenAPI 3.0 dialect, which maps {@code nullable: true} to "or null". Format assertions ({@code date-time},
 * {@code uri}) are switched on: the dialect is draft-4 based and would otherwise only annotate them.
 */
final class OpenApiSpec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** An operation of the spec that a concrete request matched. */
    record Operation(String template, String method, JsonNode node, Map<String, String> pathValues) {

        String operationId() {
            return node.path("operationId").asString();
        }

        /** The schema of a path parameter, declared on the operation. */
        Optional<JsonNode> pathParameterSchema(String name) {
            return stream(node.path("parameters"))
                    .filter(p -> p.path("in").asString().equals("path") && p.path("name").asString().equals(name))
                    .map(p -> p.get("schema")).findFirst();
        }

        List<String> responseStatuses() {
            return List.copyOf(node.path("responses").propertyNames());
        }

        /** The component schema named by {@code responses.<status>.content.application/json.schema.$ref}. */
        Optional<String> responseSchemaName(int status) {
            JsonNode ref = node.path("responses").path(Integer.toString(status)).path("content").path("application/json")
                    .path("schema").path("$ref");
            return ref.isString() ? Optional.of(ref.asString().substring(ref.asString().lastIndexOf('/') + 1))
                    : Optional.empty();
        }

        boolean hasRequestBody() {
            return node.has("requestBody");
        }

        /** The request body schema for a media type, e.g. {@code application/x-www-form-urlencoded}. */
        Optional<JsonNode> requestBodySchema(String mediaType) {
            JsonNode schema = node.path("requestBody").path("content").path(mediaType).path("schema");
            return schema.isObject() ? Optional.of(schema) : Optional.empty();
        }
    }

    private final String name;
    private final JsonNode root;

    private OpenApiSpec(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static OpenApiSpec load(Path file) {
        return new OpenApiSpec(file.getFileName().toString(), MAPPER.readTree(file));
    }

    String name() {
        return name;
    }

    /** The operation for {@code method} on the path template that {@code path} matches, if the spec has one. */
    Optional<Operation> operation(String method, String path) {
        for (String template : root.path("paths").propertyNames()) {
            Matcher m = templatePattern(template).matcher(path);
            JsonNode operation = root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
            if (m.matches() && operation.isObject()) {
                Map<String, String> values = new LinkedHashMap<>();
                Matcher names = TEMPLATE_PARAMETER.matcher(template);
                while (names.find()) {
                    values.put(names.group(1), m.group(names.group(1)));
                }
                return Optional.of(new Operation(template, method, operation, values));
            }
        }
        return Optional.empty();
    }

    /** Every operation on a path containing {@code fragment}, as (path template, operation node). */
    Map<String, JsonNode> operationsUnder(String fragment) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (String template : root.path("paths").propertyNames()) {
            if (template.contains(fragment)) {
                root.path("paths").path(template).properties().stream()
                        .filter(e -> List.of("get", "post", "delete").contains(e.getKey()))
                        .forEach(e -> operations.put(e.getKey().toUpperCase(Locale.ROOT) + " " + template, e.getValue()));
            }
        }
        return operations;
    }

    JsonNode componentSchema(String schemaName) {
        JsonNode schema = root.path("components").path("schemas").path(schemaName);
        if (!schema.isObject()) {
            throw new IllegalArgumentException(name + " has no component schema " + schemaName);
        }
        return schema;
    }

    /** Validation errors of {@code json} against {@code schema}; empty when it conforms. */
    static List<String> validate(JsonNode schema, String json) {
        return validate(schema, MAPPER.readTree(json));
    }

    static List<String> validate(JsonNode schema, JsonNode instance) {
        List<String> messages = new ArrayList<>();
        for (Error error : SCHEMAS.getSchema(schema).validate(instance)) {
            messages.add(error.toString());
        }
        return messages;
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return array.isArray() ? array.values().stream() : Stream.empty();
    }

    private static Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TEMPLATE_PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("(?<").append(m.group(1)).append(">[^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
