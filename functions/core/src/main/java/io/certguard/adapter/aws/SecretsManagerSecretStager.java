package io.certguard.adapter.aws;

import io.certguard.secret.SecretAccessException;
import io.certguard.secret.SecretNotFoundException;
import io.certguard.secret.SecretStager;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;

/** Moves staging labels with {@code UpdateSecretVersionStage}. Messages name the secret, versions and label only. */
public final class SecretsManagerSecretStager implements SecretStager {

    private final SecretsManagerClient secretsManager;

    public SecretsManagerSecretStager(SecretsManagerClient secretsManager) {
        this.secretsManager = Objects.requireNonNull(secretsManager, "secretsManager");
    }

    @Override
    public void moveStage(String secretId, String stage, String toVersionId, Optional<String> fromVersionId) {
        UpdateSecretVersionStageRequest.Builder request = UpdateSecretVersionStageRequest.builder().secretId(secretId)
                .versionStage(stage).moveToVersionId(toVersionId);
        fromVersionId.ifPresent(request::removeFromVersionId);
        update(request.build(), "move " + stage + " to version " + toVersionId
                + fromVersionId.map(v -> " from version " + v).orElse(""), secretId);
    }

    @Override
    public void removeStage(String secretId, String stage, String fromVersionId) {
        update(UpdateSecretVersionStageRequest.builder().secretId(secretId).versionStage(stage)
                .removeFromVersionId(fromVersionId).build(), "remove " + stage + " from version " + fromVersionId, secretId);
    }

    private void update(UpdateSecretVersionStageRequest request, String what, String secretId) {
        try {
            secretsManager.updateSecretVersionStage(request);
        } catch (ResourceNotFoundException e) {
            throw new SecretNotFoundException("secret " + secretId + ": cannot " + what + ": "
                    + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkException e) {
            throw new SecretAccessException("secret " + secretId + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
