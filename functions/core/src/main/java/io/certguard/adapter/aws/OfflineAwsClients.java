package io.certguard.adapter.aws;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SDK clients of the same services and pipeline as {@link AwsClients} (endpoint rules, SigV4 signing, marshalling,
 * response parsing) over an HTTP client that answers in memory, for SnapStart priming. They carry fixed placeholder
 * credentials and a fixed region, never the function's: nothing real is resolved, sent or cached.
 */
public final class OfflineAwsClients implements AutoCloseable {

    private static final StaticCredentialsProvider PLACEHOLDER = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDPRIMINGONLY00000", "priming-placeholder-not-a-secret"));

    private final CannedAwsHttpClient http = new CannedAwsHttpClient();
    private final DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http).region(Region.US_EAST_1)
            .credentialsProvider(PLACEHOLDER).build();
    private final SnsClient sns = SnsClient.builder().httpClient(http).region(Region.US_EAST_1)
            .credentialsProvider(PLACEHOLDER).build();
    private final SecretsManagerClient secretsManager = SecretsManagerClient.builder().httpClient(http)
            .region(Region.US_EAST_1).credentialsProvider(PLACEHOLDER).build();

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SnsClient sns() {
        return sns;
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    /** The operations the clients marshalled and the in-memory client answered, in order (for tests). */
    public List<String> operations() {
        return http.operations();
    }

    @Override
    public void close() {
        dynamoDb.close();
        sns.close();
        secretsManager.close();
    }
}
