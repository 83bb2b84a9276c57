package io.certguard.bundle;

import io.certguard.twilio.TlsCertPayload;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of validating a bundle: uploadable with its normalized payload, or rejected with the reasons. */
public sealed interface BundleReport permits BundleReport.Uploadable, BundleReport.Rejected {

    /** Every finding, errors first, then warnings, then notes. */
    List<Finding> findings();

    default boolean uploadable() {
        return this instanceof Uploadable;
    }

    /**
     * No ERROR finding: {@code payload} is what to POST as {@code TlsCert} (leaf, intermediates, root, then the key as
     * PKCS#8, LF line endings), and {@code leaf} identifies the certificate in it.
     */
    record Uploadable(List<Finding> findings, LeafSummary leaf, TlsCertPayload payload) implements BundleReport {
        public Uploadable {
            findings = List.copyOf(findings);
            Objects.requireNonNull(leaf, "leaf");
            Objects.requireNonNull(payload, "payload");
            if (findings.stream().anyMatch(Finding::blocksUpload)) {
                throw new IllegalArgumentException("an uploadable report cannot have ERROR findings");
            }
        }
    }

    /**
     * At least one ERROR finding. {@code leaf} is present when validation got far enough to know which certificate
     * is the leaf.
     */
    record Rejected(List<Finding> findings, Optional<LeafSummary> leaf) implements BundleReport {
        public Rejected {
            findings = List.copyOf(findings);
            Objects.requireNonNull(leaf, "leaf");
            if (findings.stream().noneMatch(Finding::blocksUpload)) {
                throw new IllegalArgumentException("a rejected report needs at least one ERROR finding");
            }
        }

        /** The findings that block the upload. */
        public List<Finding> errors() {
            return findings.stream().filter(Finding::blocksUpload).toList();
        }
    }
}
