package io.certguard.adapter.aws;

import io.certguard.config.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each SDK client sends its calls when told explicitly, from the SDK's own standard variables (AWS SDKs and Tools
 * reference guide, "Service-specific endpoints"): {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_SNS},
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, {@code AWS_ENDPOINT_URL_SQS} (the scan's batch queue), else {@code AWS_ENDPOINT_URL} for all four, and none of them when
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}.
 *
 * <p>The SDK reads these from the process environment by itself; they are read here from the environment map the
 * wiring is given ({@code System.getenv()} in Lambda, so the values are the same) so that a test can send one service
 * elsewhere, for example through a proxy that stops it mid-run, while the others reach the emulator. They are not
 * certguard settings: template.yaml sets none, and in Lambda the clients reach AWS's own endpoints.
 */
public record AwsEndpoints(Optional<URI> dynamoDb, Optional<URI> sns, Optional<URI> secretsManager, Optional<URI> sqs) {

    public static final String ALL = "AWS_ENDPOINT_URL";
    public static final String DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";
    public static final String SNS = "AWS_ENDPOINT_URL_SNS";
    public static final String SECRETS_MANAGER = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    public static final String SQS = "AWS_ENDPOINT_URL_SQS";
    static final String IGNORE = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    public AwsEndpoints {
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        Objects.requireNonNull(sns, "sns");
        Objects.requireNonNull(secretsManager, "secretsManager");
        Objects.requireNonNull(sqs, "sqs");
    }

    /** No explicit endpoint: each client resolves its own through the SDK's default chain. */
    public static AwsEndpoints sdkDefaults() {
        return new AwsEndpoints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The endpoints {@code environment} names, as the SDK would read them. */
    public static AwsEndpoints from(Map<String, String> environment) {
        if ("true".equalsIgnoreCase(environment.getOrDefault(IGNORE, "").strip())) {
            return sdkDefaults();
        }
        Optional<URI> all = uri(environment, ALL);
        return new AwsEndpoints(uri(environment, DYNAMODB).or(() -> all), uri(environment, SNS).or(() -> all),
                uri(environment, SECRETS_MANAGER).or(() -> all), uri(environment, SQS).or(() -> all));
    }

    private static Optional<URI> uri(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigurationException(name + " must be an absolute URL such as http://127.0.0.1:4566, was \""
                        + value.strip() + "\"");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(name + " is not a URL: \"" + value.strip() + "\"", e);
        }
    }
}
