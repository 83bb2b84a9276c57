package io.certguard.upload;

import io.certguard.bundle.BundleInput;
import io.certguard.domain.DomainSid;
import java.util.Objects;

/**
 * A bundle handed to {@link CertificateUploader#uploadBundle} directly, not read from a secret: a local file on the
 * command line, or the demo's renewed certificate. Holds the private key inside {@link #input()}; {@link #toString()}
 * shows where it came from only.
 *
 * @param domain        the Twilio domain to upload it to
 * @param source        where it came from, recorded as the upload's secret id and named in alarms (a file name)
 * @param versionId     keys the upload record ({@code UPLOAD#versionId}): the same id is the same upload, done once
 * @param allowNotNewer the operator's override: NOT_NEWER is a warning, and a leaf not newer than Twilio's is posted
 */
public record BundleUpload(DomainSid domain, String source, String versionId, BundleInput input, boolean allowNotNewer) {

    public BundleUpload {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(input, "input");
        if (versionId.isBlank()) {
            throw new IllegalArgumentException("a bundle upload needs a version id");
        }
    }

    @Override
    public String toString() {
        return "BundleUpload[" + source + " version " + versionId + " to " + domain + (allowNotNewer ? ", forced" : "")
                + "]";
    }
}
