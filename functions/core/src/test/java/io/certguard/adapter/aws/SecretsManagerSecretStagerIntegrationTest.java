package io.certguard.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.secret.SecretAccessException;
import io.certguard.secret.SecretDescription;
import io.certguard.secret.SecretNotFoundException;
import io.certguard.secret.VersionSelector;
import io.certguard.testing.AwsEmulator;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The rotation's finishSecret: AWSCURRENT moves to the pending version, AWSPREVIOUS follows, AWSPENDING is removed. */
@ExtendWith(AwsEmulator.class)
class SecretsManagerSecretStagerIntegrationTest {

    private static SecretsManagerClient secretsManager;
    private static SecretsManagerSecretSource source;
    private static SecretsManagerSecretStager stager;

    @BeforeAll
    static void clients(AwsClients aws) {
        secretsManager = aws.secretsManager();
        source = new SecretsManagerSecretSource(secretsManager);
        stager = new SecretsManagerSecretStager(secretsManager);
    }

    @Test
    void movingAwsCurrentToThePendingVersion_thenRemovingAwsPending() {
        String name = "certguard/certificates/" + AwsEmulator.uniqueName("staged");
        String old = secretsManager.createSecret(b -> b.name(name).secretString("old")).versionId();
        String token = UUID.randomUUID().toString();
        secretsManager.putSecretValue(b -> b.secretId(name).secretString("new").clientRequestToken(token)
                .versionStages("AWSPENDING"));

        stager.moveStage(name, "AWSCURRENT", token, Optional.of(old));
        stager.removeStage(name, "AWSPENDING", token);

        SecretDescription after = source.describe(name);
        assertThat(after.stagesOf(token)).containsExactly("AWSCURRENT");
        assertThat(after.stagesOf(old)).containsExactly("AWSPREVIOUS");
        // Read with an explicit stage after moving labels (moto's default-version gap, notes §3.3).
        assertThat(source.read(name, VersionSelector.CURRENT).versionId()).isEqualTo(token);
        assertThat(source.read(name, VersionSelector.CURRENT).text()).contains("new");
    }

    @Test
    void aMissingVersion_failsNamingTheSecretAndTheMove() {
        String name = AwsEmulator.uniqueName("unstaged");
        String current = secretsManager.createSecret(b -> b.name(name).secretString("x")).versionId();

        assertThatThrownBy(() -> stager.moveStage(name, "AWSCURRENT", "no-such-version", Optional.of(current)))
                .isInstanceOfAny(SecretNotFoundException.class, SecretAccessException.class)
                .hasMessageContaining(name).hasMessageContaining("move AWSCURRENT to version no-such-version");
        // Whether the labels stay untouched is not asserted: moto takes AWSCURRENT off the old version before it checks
        // the new one (real Secrets Manager validates first).
    }
}
