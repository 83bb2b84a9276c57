package io.certguard.upload;

import io.certguard.secret.SecretDescription;
import io.certguard.secret.SecretNotFoundException;
import io.certguard.secret.SecretSource;
import io.certguard.secret.SecretStager;
import io.certguard.secret.SecretVersion;
import io.certguard.secret.VersionSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Secrets Manager in memory: secrets with tags, versions, values and staging labels; label moves as AWS does them. */
final class FakeSecrets implements SecretSource, SecretStager {

    private record Secret(String arn, String name, Map<String, String> tags, boolean rotationEnabled,
            Map<String, List<String>> stages, Map<String, String> values) {
    }

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    final List<String> stageMoves = new ArrayList<>();

    synchronized void create(String name, Map<String, String> tags, boolean rotationEnabled) {
        secrets.put(name, new Secret("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf", name,
                Map.copyOf(tags), rotationEnabled, new LinkedHashMap<>(), new LinkedHashMap<>()));
    }

    /** A version with {@code value} (null: a label without a value, as RotateSecret leaves it) and labels. */
    synchronized void put(String name, String versionId, String value, String... labels) {
        Secret secret = secret(name);
        for (String label : labels) {
            secret.stages().values().forEach(l -> l.remove(label));
        }
        secret.stages().put(versionId, new ArrayList<>(List.of(labels)));
        if (value != null) {
            secret.values().put(versionId, value);
        } else {
            secret.values().remove(versionId);
        }
    }

    String arn(String name) {
        return secret(name).arn();
    }

    @Override
    public synchronized SecretVersion read(String secretId, VersionSelector selector) {
        Secret secret = secret(secretId);
        String versionId = switch (selector) {
            case VersionSelector.Id id -> id.versionId();
            case VersionSelector.Stage stage -> secret.stages().entrySet().stream()
                    .filter(e -> e.getValue().contains(stage.label())).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new SecretNotFoundException("no " + stage.label(), null));
        };
        String value = secret.values().get(versionId);
        if (value == null) {
            throw new SecretNotFoundException("secret " + secretId + " (version " + versionId + ") not found", null);
        }
        return SecretVersion.ofText(secret.arn(), secret.name(), versionId,
                secret.stages().getOrDefault(versionId, List.of()), value);
    }

    @Override
    public synchronized SecretDescription describe(String secretId) {
        Secret secret = secret(secretId);
        Map<String, List<String>> labelled = new LinkedHashMap<>();
        secret.stages().forEach((v, l) -> {
            if (!l.isEmpty()) {
                labelled.put(v, List.copyOf(l));
            }
        });
        return new SecretDescription(secret.arn(), secret.name(), secret.tags(), secret.rotationEnabled(), labelled);
    }

    @Override
    public synchronized void moveStage(String secretId, String stage, String toVersionId, Optional<String> fromVersionId) {
        Secret secret = secret(secretId);
        stageMoves.add(stage + "->" + toVersionId);
        if (stage.equals("AWSCURRENT")) {
            secret.stages().values().forEach(l -> l.remove("AWSPREVIOUS"));
            fromVersionId.ifPresent(from -> secret.stages().get(from).add("AWSPREVIOUS"));
        }
        secret.stages().values().forEach(l -> l.remove(stage));
        secret.stages().get(toVersionId).add(stage);
    }

    @Override
    public synchronized void removeStage(String secretId, String stage, String fromVersionId) {
        stageMoves.add(stage + "-x" + fromVersionId);
        secret(secretId).stages().get(fromVersionId).remove(stage);
    }

    private Secret secret(String id) {
        return secrets.values().stream().filter(s -> s.name().equals(id) || s.arn().equals(id)).findFirst()
                .orElseThrow(() -> new SecretNotFoundException("secret " + id + " not found", null));
    }
}
