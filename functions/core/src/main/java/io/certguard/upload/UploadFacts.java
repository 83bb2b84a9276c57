package io.certguard.upload;

import io.certguard.bundle.BundleInput;
import io.certguard.twilio.DomainCertificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an upload decision is made on.
 *
 * @param input     the bundle as read from the secret
 * @param refusal   why the secret must not be uploaded whatever it holds (its tag and domainSid disagree …)
 * @param host      the domain's host: DOMAINS or the registry, else Twilio's {@code domain_name}
 * @param current   the domain's Certificate at Twilio now
 * @param others    the domain's other upload records (other versions)
 * @param allowNotNewer the operator's override ({@code upload --force}): a leaf not newer than Twilio's is posted
 */
public record UploadFacts(BundleInput input, Optional<String> refusal, Optional<String> host, DomainCertificate current,
        List<UploadRecord> others, boolean allowNotNewer) {

    public UploadFacts {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(current, "current");
        others = List.copyOf(others);
    }

    /** Facts for an upload that never downgrades (every trigger of the upload function). */
    public UploadFacts(BundleInput input, Optional<String> refusal, Optional<String> host, DomainCertificate current,
            List<UploadRecord> others) {
        this(input, refusal, host, current, others, false);
    }
}
