package io.certguard.adapter.aws;

import io.certguard.secret.SecretAccessException;
import io.certguard.secret.SecretDescription;
import io.certguard.secret.SecretNotFoundException;
import io.certguard.secret.SecretSource;
import io.certguard.secret.SecretVersion;
import io.certguard.secret.VersionSelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Reads secrets from AWS Secrets Manager. Error messages name the secret and version, never the value (the SDK's own
 * messages do not contain values either).
 */
public final class SecretsManagerSecretSource implements SecretSource {

    private final SecretsManagerClient secretsManager;

    public SecretsManagerSecretSource(SecretsManagerClient secretsManager) {
        this.secretsManager = Objects.requireNonNull(secretsManager, "secretsManager");
    }

    @Override
    public SecretVersion read(String secretId, VersionSelector selector) {
        GetSecretValueRequest.Builder request = GetSecretValueRequest.builder().secretId(secretId);
        String which = switch (selector) {
            case VersionSelector.Stage stage -> {
                request.versionStage(stage.label());
                yield "stage " + stage.label();
            }
            case VersionSelector.Id id -> {
                request.versionId(id.versionId());
                yield "version " + id.versionId();
            }
        };
        GetSecretValueResponse response;
        try {
            response = secretsManager.getSecretValue(request.build());
        } catch (ResourceNotFoundException e) {
            throw new SecretNotFoundException("secret " + secretId + " (" + which + ") not found: "
                    + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkException e) {
            throw new SecretAccessException("secret " + secretId + " (" + which + ") could not be read: " + e.getMessage(), e);
        }
        if (response.secretString() != null) {
            return SecretVersion.ofText(response.arn(), response.name(), response.versionId(), response.versionStages(),
                    response.secretString());
        }
        if (response.secretBinary() != null) {
            return SecretVersion.ofBinary(response.arn(), response.name(), response.versionId(), response.versionStages(),
                    response.secretBinary().asByteArray());
        }
        throw new SecretAccessException("secret " + secretId + " (" + which + ") has neither a string nor a binary value", null);
    }

    @Override
    public SecretDescription describe(String secretId) {
        DescribeSecretResponse response;
        try {
            response = secretsManager.describeSecret(b -> b.secretId(secretId));
        } catch (ResourceNotFoundException e) {
            throw new SecretNotFoundException("secret " + secretId + " not found", e);
        } catch (SdkException e) {
            throw new SecretAccessException("secret " + secretId + " could not be described: " + e.getMessage(), e);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        response.tags().forEach(t -> tags.put(t.key(), t.value()));
        return new SecretDescription(response.arn(), response.name(), tags,
                Boolean.TRUE.equals(response.rotationEnabled()), response.versionIdsToStages());
    }
}
