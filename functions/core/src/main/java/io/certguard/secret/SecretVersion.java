package io.certguard.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a secret. Holds secret material: {@link #toString()} shows only where it came from, never the value.
 *
 * @param arn       the secret's ARN
 * @param name      the secret's name
 * @param versionId the version id (the ClientRequestToken it was created with)
 * @param stages    its staging labels (AWSCURRENT, AWSPENDING, …)
 */
public final class SecretVersion {

    private final String arn;
    private final String name;
    private final String versionId;
    private final List<String> stages;
    private final String text;
    private final byte[] binary;

    private SecretVersion(String arn, String name, String versionId, List<String> stages, String text, byte[] binary) {
        this.arn = Objects.requireNonNull(arn, "arn");
        this.name = Objects.requireNonNull(name, "name");
        this.versionId = Objects.requireNonNull(versionId, "versionId");
        this.stages = List.copyOf(stages);
        this.text = text;
        this.binary = binary == null ? null : binary.clone();
    }

    public static SecretVersion ofText(String arn, String name, String versionId, List<String> stages, String text) {
        return new SecretVersion(arn, name, versionId, stages, Objects.requireNonNull(text, "text"), null);
    }

    public static SecretVersion ofBinary(String arn, String name, String versionId, List<String> stages, byte[] binary) {
        return new SecretVersion(arn, name, versionId, stages, null, Objects.requireNonNull(binary, "binary"));
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String versionId() {
        return versionId;
    }

    public List<String> stages() {
        return stages;
    }

    /** The SecretString, when the version has one. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The SecretBinary, when the version has one (a copy). */
    public Optional<byte[]> binary() {
        return Optional.ofNullable(binary).map(byte[]::clone);
    }

    /** The value as text: the SecretString, or the SecretBinary decoded as UTF-8 (PEM is ASCII). */
    public String valueAsText() {
        return text != null ? text : new String(binary, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretVersion other && arn.equals(other.arn) && versionId.equals(other.versionId)
                && stages.equals(other.stages) && Objects.equals(text, other.text) && Arrays.equals(binary, other.binary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arn, versionId);
    }

    @Override
    public String toString() {
        return "SecretVersion[" + name + " version " + versionId + " " + stages + ", value redacted]";
    }
}
