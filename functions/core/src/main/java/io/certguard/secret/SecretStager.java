package io.certguard.secret;

import java.util.Optional;

/**
 * Moves staging labels between versions of a secret ({@code UpdateSecretVersionStage} in AWS): the rotation's
 * {@code finishSecret} makes the uploaded version AWSCURRENT. Never reads or writes a value.
 */
public interface SecretStager {

    /**
     * Puts {@code stage} on version {@code toVersionId}, taking it from {@code fromVersionId} (which must be the version
     * that carries it now, when one does). Moving AWSCURRENT moves AWSPREVIOUS to the old version.
     *
     * @throws SecretNotFoundException when the secret or the version does not exist
     * @throws SecretAccessException   when the labels could not be changed for any other reason
     */
    void moveStage(String secretId, String stage, String toVersionId, Optional<String> fromVersionId);

    /**
     * Removes {@code stage} from version {@code fromVersionId}.
     *
     * @throws SecretNotFoundException when the secret or the version does not exist
     * @throws SecretAccessException   when the label could not be removed for any other reason
     */
    void removeStage(String secretId, String stage, String fromVersionId);
}
