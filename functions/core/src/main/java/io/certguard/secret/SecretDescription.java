package io.certguard.secret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Secrets Manager says about a secret without reading its value ({@code DescribeSecret}): its identity, tags,
 * whether rotation is on, and which version carries which staging label. No secret material.
 *
 * @param arn             the secret's ARN
 * @param name            the secret's name
 * @param tags            its tags (for example {@code certguard:domain-sid})
 * @param rotationEnabled whether rotation is turned on for it
 * @param versionStages   version id → its staging labels, for every version that has a label
 */
public record SecretDescription(String arn, String name, Map<String, String> tags, boolean rotationEnabled,
        Map<String, List<String>> versionStages) {

    public static final String CURRENT = "AWSCURRENT";
    public static final String PENDING = "AWSPENDING";

    public SecretDescription {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        tags = Map.copyOf(tags);
        Map<String, List<String>> stages = new LinkedHashMap<>();
        versionStages.forEach((version, labels) -> stages.put(version, List.copyOf(labels)));
        versionStages = java.util.Collections.unmodifiableMap(stages);
    }

    /** The labels of one version; empty for a version without labels or one that does not exist. */
    public List<String> stagesOf(String versionId) {
        return versionStages.getOrDefault(versionId, List.of());
    }

    /** The version carrying {@code stage} (a label sits on one version at most). */
    public Optional<String> versionWithStage(String stage) {
        return versionStages.entrySet().stream().filter(e -> e.getValue().contains(stage)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Versions and labels for messages, e.g. {@code [v1: AWSCURRENT, v2: AWSPENDING]}. */
    public String describeStages() {
        List<String> parts = new ArrayList<>();
        versionStages.forEach((version, labels) -> parts.add(version + ": " + String.join("+", labels)));
        return parts.toString();
    }
}
