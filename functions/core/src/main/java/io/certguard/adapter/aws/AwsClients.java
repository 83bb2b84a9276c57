package io.certguard.adapter.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the AWS SDK clients once per container (at init, never per invocation) from the default provider chains:
 * region from {@code AWS_REGION}, credentials from the Lambda role, and the endpoint from the standard
 * {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} variables when set (an emulator in tests), so there is
 * no test-only code path. {@link AwsEndpoints} passes the same variables from the wiring's environment map.
 *
 * <p>{@code url-connection-client}: the lightest HTTP client in the SDK, chosen for cold start. Every call is bounded:
 * 2 s connect, 5 s per attempt, 3 attempts (the SDK's standard retry mode), 15 s per call.
 */
public final class AwsClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final AwsEndpoints endpoints;
    private final SdkHttpClient http;
    private final ClientOverrideConfiguration overrides;
    private DynamoDbClient dynamoDb;
    private SnsClient sns;
    private SecretsManagerClient secretsManager;

    /** Clients whose endpoints the SDK resolves from its default chain. */
    public AwsClients() {
        this(AwsEndpoints.sdkDefaults());
    }

    /** Clients sent to {@code endpoints} where it names one, else to what the SDK's default chain resolves. */
    public AwsClients(AwsEndpoints endpoints) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        this.overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .retryStrategy(RetryMode.STANDARD)
                .build();
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            var builder = DynamoDbClient.builder().httpClient(http).overrideConfiguration(overrides);
            endpoints.dynamoDb().ifPresent(builder::endpointOverride);
            dynamoDb = builder.build();
        }
        return dynamoDb;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            var builder = SnsClient.builder().httpClient(http).overrideConfiguration(overrides);
            endpoints.sns().ifPresent(builder::endpointOverride);
            sns = builder.build();
        }
        return sns;
    }

    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            var builder = SecretsManagerClient.builder().httpClient(http).overrideConfiguration(overrides);
            endpoints.secretsManager().ifPresent(builder::endpointOverride);
            secretsManager = builder.build();
        }
        return secretsManager;
    }

    /**
     * A client of another service built like these (shared HTTP client, timeouts, retries, and the endpoint
     * {@code endpoint} picks from the same settings), for the one function that needs it; the caller owns it.
     */
    public <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder,
            Function<AwsEndpoints, Optional<URI>> endpoint) {
        builder.httpClient(http).overrideConfiguration(overrides);
        endpoint.apply(endpoints).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public synchronized void close() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (sns != null) {
            sns.close();
        }
        if (secretsManager != null) {
            secretsManager.close();
        }
        http.close();
    }
}
