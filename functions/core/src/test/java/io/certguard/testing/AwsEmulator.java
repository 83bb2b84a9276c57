package io.certguard.testing;

import io.certguard.adapter.aws.AwsClients;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real AWS API emulator over the wire, chosen in this order:
 * <ol>
 * <li>{@code AWS_ENDPOINT_URL} when set (CI starts moto and sets it);</li>
 * <li>LocalStack through Testcontainers when a Docker engine is available ({@code localstack/localstack:4.14.0}, the
 * last tag without an auth token; {@code LOCALSTACK_IMAGE} overrides it when {@code LOCALSTACK_AUTH_TOKEN} is set);</li>
 * <li>otherwise the test is skipped with reason {@code disabledWithoutDocker}, except on CI ({@code CI=true}), where
 * a missing emulator fails the test so a broken set-up can never pass.</li>
 * </ol>
 * Production {@link AwsClients} are used unchanged: with LocalStack the endpoint, region and credentials are handed to
 * the SDK's default provider chains through their system properties, the same chains {@code AWS_ENDPOINT_URL} feeds.
 */
public final class AwsEmulator implements ExecutionCondition, ParameterResolver {

    static final String SKIP_REASON = "disabledWithoutDocker: no AWS_ENDPOINT_URL and no Docker engine for LocalStack";
    private static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";

    private static Endpoint endpoint;
    private static AwsClients clients;

    /** How tests reach the emulator. */
    public record Endpoint(URI uri, String description) {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (resolve().isPresent()) {
            return ConditionEvaluationResult.enabled("AWS emulator at " + endpoint.uri() + " (" + endpoint.description() + ")");
        }
        if (ProjectFiles.onCi()) {
            throw new ExtensionConfigurationException("CI=true but no AWS emulator: .ci/run must start moto and export "
                    + "AWS_ENDPOINT_URL (integration tests must not be skipped on CI)");
        }
        return ConditionEvaluationResult.disabled(SKIP_REASON);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AwsClients.class || type == Endpoint.class || type == SqsClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Endpoint resolved = resolve().orElseThrow();
        if (type == Endpoint.class) {
            return resolved;
        }
        if (type == SqsClient.class) {
            // Tests read published alarms back through an SQS subscription; production code has no SQS client.
            return SqsClient.builder().endpointOverride(resolved.uri()).region(region())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())))
                    .build();
        }
        return clients();
    }

    /** One set of production clients per test JVM (building the first SDK client costs most of a second). */
    public static synchronized AwsClients clients() {
        if (clients == null) {
            resolve().orElseThrow(() -> new IllegalStateException(SKIP_REASON));
            clients = new AwsClients();
        }
        return clients;
    }

    /** A name no other test uses, so tests share one emulator without resetting it. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static synchronized Optional<Endpoint> resolve() {
        if (endpoint != null) {
            return Optional.of(endpoint);
        }
        String fromEnv = System.getenv("AWS_ENDPOINT_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            endpoint = new Endpoint(URI.create(fromEnv.strip()), "AWS_ENDPOINT_URL");
            return Optional.of(endpoint);
        }
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse(localStackImage())
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("dynamodb", "sns", "sqs", "secretsmanager");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            localstack.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        localstack.start(); // stopped by Testcontainers' reaper when the JVM exits
        System.setProperty("aws.endpointUrl", localstack.getEndpoint().toString());
        System.setProperty("aws.region", localstack.getRegion());
        System.setProperty("aws.accessKeyId", localstack.getAccessKey());
        System.setProperty("aws.secretAccessKey", localstack.getSecretKey());
        endpoint = new Endpoint(localstack.getEndpoint(), "LocalStack " + localStackImage());
        return Optional.of(endpoint);
    }

    private static String localStackImage() {
        String image = System.getenv("LOCALSTACK_IMAGE");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return image != null && !image.isBlank() && token != null && !token.isBlank() ? image : LOCALSTACK_IMAGE;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Region region() {
        String region = firstNonBlank(System.getProperty("aws.region"), System.getenv("AWS_REGION"), "us-east-1");
        return Region.of(region);
    }

    private static String accessKey() {
        return firstNonBlank(System.getProperty("aws.accessKeyId"), System.getenv("AWS_ACCESS_KEY_ID"), "test");
    }

    private static String secretKey() {
        return firstNonBlank(System.getProperty("aws.secretAccessKey"), System.getenv("AWS_SECRET_ACCESS_KEY"), "test");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalStateException("no value");
    }
}
