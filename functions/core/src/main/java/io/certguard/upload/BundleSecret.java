package io.certguard.upload;

import io.certguard.bundle.BundleInput;
import io.certguard.secret.SecretDescription;
import io.certguard.secret.SecretSource;
import io.certguard.secret.SecretVersion;
import io.certguard.secret.VersionSelector;
import java.util.Objects;

/**
 * One version of a certificate-bundle secret, read and parsed, with the domain it is for. Holds the private key inside
 * {@link #input()}; {@link #toString()} shows where it came from only.
 */
record BundleSecret(SecretDescription description, String versionId, BundleInput input, DomainResolution domain) {

    BundleSecret {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(domain, "domain");
    }

    /**
     * Reads version {@code versionId} by id (never by the default stage, which moto and label moves can leave stale).
     *
     * @throws io.certguard.secret.SecretNotFoundException when the version does not exist
     * @throws io.certguard.secret.SecretAccessException   when it cannot be read
     */
    static BundleSecret read(SecretSource secrets, SecretDescription description, String versionId) {
        SecretVersion version = secrets.read(description.arn(), new VersionSelector.Id(versionId));
        BundleInput input = BundleInput.fromSecret(version);
        return new BundleSecret(description, versionId, input, DomainResolution.of(description.tags(), input.domainSid()));
    }

    @Override
    public String toString() {
        return "BundleSecret[" + description.name() + " version " + versionId + ", " + input + "]";
    }
}
