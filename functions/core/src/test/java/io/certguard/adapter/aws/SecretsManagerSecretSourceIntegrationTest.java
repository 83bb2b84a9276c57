package io.certguard.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.secret.SecretDescription;
import io.certguard.secret.SecretNotFoundException;
import io.certguard.secret.SecretVersion;
import io.certguard.secret.VersionSelector;
import io.certguard.testing.AwsEmulator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(AwsEmulator.class)
class SecretsManagerSecretSourceIntegrationTest {

    private static SecretsManagerClient secretsManager;
    private static SecretsManagerSecretSource source;

    @BeforeAll
    static void clients(AwsClients aws) {
        secretsManager = aws.secretsManager();
        source = new SecretsManagerSecretSource(secretsManager);
    }

    @Test
    void read_current_returnsTheNewestVersion_andById_anOlderOne() {
        String name = "certguard/certificates/" + AwsEmulator.uniqueName("links");
        String firstVersion = secretsManager.createSecret(b -> b.name(name).secretString("{\"v\":1}")).versionId();
        String secondVersion = secretsManager.putSecretValue(b -> b.secretId(name).secretString("{\"v\":2}")).versionId();

        SecretVersion current = source.read(name, VersionSelector.CURRENT);
        SecretVersion first = source.read(name, new VersionSelector.Id(firstVersion));

        assertThat(current.versionId()).isEqualTo(secondVersion);
        assertThat(current.text()).contains("{\"v\":2}");
        assertThat(current.stages()).contains("AWSCURRENT");
        assertThat(current.name()).isEqualTo(name);
        assertThat(current.arn()).contains(":secret:" + name);
        assertThat(first.text()).contains("{\"v\":1}");
        assertThat(first.stages()).contains("AWSPREVIOUS");
    }

    @Test
    void read_binarySecret_isDecodedAsText() {
        String name = AwsEmulator.uniqueName("binary");
        byte[] pem = "-----BEGIN CERTIFICATE-----\n...\n".getBytes(StandardCharsets.US_ASCII);
        secretsManager.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(pem)));

        SecretVersion version = source.read(name, VersionSelector.CURRENT);

        assertThat(version.text()).isEmpty();
        assertThat(version.binary()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pem));
        assertThat(version.valueAsText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(version.toString()).doesNotContain("BEGIN").contains("redacted");
    }

    @Test
    void tags_areReadFromTheSecret() {
        String name = AwsEmulator.uniqueName("tagged");
        secretsManager.createSecret(b -> b.name(name).secretString("x")
                .tags(t -> t.key("certguard:domain-sid").value("DN" + "b".repeat(32))));

        assertThat(source.tags(name)).containsEntry("certguard:domain-sid", "DN" + "b".repeat(32));
    }

    @Test
    void describe_givesTagsRotationAndTheStagesOfEveryVersion_withoutTheValue() {
        String name = "certguard/certificates/" + AwsEmulator.uniqueName("described");
        String first = secretsManager.createSecret(b -> b.name(name).secretString("{\"v\":1}")
                .tags(t -> t.key("certguard:domain-sid").value("DN" + "c".repeat(32)))).versionId();
        String pending = java.util.UUID.randomUUID().toString();
        secretsManager.putSecretValue(b -> b.secretId(name).secretString("{\"v\":2}").clientRequestToken(pending)
                .versionStages("AWSPENDING"));

        SecretDescription description = source.describe(name);

        assertThat(description.name()).isEqualTo(name);
        assertThat(description.arn()).contains(":secret:" + name);
        assertThat(description.tags()).containsEntry("certguard:domain-sid", "DN" + "c".repeat(32));
        assertThat(description.rotationEnabled()).isFalse();
        assertThat(description.versionWithStage("AWSCURRENT")).contains(first);
        assertThat(description.versionWithStage("AWSPENDING")).contains(pending);
        assertThat(description.stagesOf(pending)).containsExactly("AWSPENDING");
        assertThat(description.stagesOf("no-such-version")).isEmpty();
        assertThat(description.toString()).doesNotContain("\"v\"");
    }

    @Test
    void missingSecretOrVersion_isSecretNotFound_namingTheSecret() {
        String name = AwsEmulator.uniqueName("present");
        secretsManager.createSecret(b -> b.name(name).secretString("x"));

        assertThatThrownBy(() -> source.read("no-such-secret-" + name, VersionSelector.CURRENT))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessageContaining("no-such-secret-" + name);
        assertThatThrownBy(() -> source.read(name, VersionSelector.PENDING))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessageContaining("AWSPENDING");
        assertThatThrownBy(() -> source.tags("no-such-secret-" + name))
                .isInstanceOf(SecretNotFoundException.class);
        assertThatThrownBy(() -> source.describe("no-such-secret-" + name))
                .isInstanceOf(SecretNotFoundException.class)
                .hasMessageContaining("no-such-secret-" + name);
    }
}
