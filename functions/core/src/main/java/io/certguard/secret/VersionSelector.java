package io.certguard.secret;

import java.util.Objects;

/** Which version of a secret to read: by staging label or by version id. */
public sealed interface VersionSelector {

    VersionSelector CURRENT = new Stage("AWSCURRENT");
    VersionSelector PENDING = new Stage("AWSPENDING");

    record Stage(String label) implements VersionSelector {
        public Stage {
            Objects.requireNonNull(label, "label");
        }
    }

    record Id(String versionId) implements VersionSelector {
        public Id {
            Objects.requireNonNull(versionId, "versionId");
        }
    }
}
