package io.certguard.upload;

import io.certguard.domain.DomainSid;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Twilio domain a certificate-bundle secret is for: the secret's tag {@code certguard:domain-sid}, or the JSON
 * bundle's {@code domainSid}. Pure. Never quotes a tag's value (tags are metadata, but nothing from a secret is echoed).
 */
public sealed interface DomainResolution {

    /** The tag naming the domain. */
    String TAG = "certguard:domain-sid";

    /** The domain is known. */
    record Found(DomainSid domain, String source) implements DomainResolution {
        public Found {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(source, "source");
        }
    }

    /** A domain is known, but the secret is inconsistent: nothing may be uploaded, and the domain gets the alarm. */
    record Refused(DomainSid domain, String reason) implements DomainResolution {
        public Refused {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No domain can be told: no upload, and no domain to attach an alarm to. */
    record Unknown(String reason) implements DomainResolution {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static DomainResolution of(Map<String, String> tags, Optional<DomainSid> inBundle) {
        Optional<String> tag = Optional.ofNullable(tags.get(TAG)).map(String::strip);
        if (tag.isEmpty()) {
            return inBundle.<DomainResolution>map(sid -> new Found(sid, "the bundle's domainSid"))
                    .orElseGet(() -> new Unknown("the secret names no domain: tag it " + TAG + "=DN… or put \"domainSid\""
                            + " in the JSON bundle"));
        }
        if (!DomainSid.isValid(tag.get())) {
            String why = "the secret's tag " + TAG + " is not a Twilio domain SID (DN followed by 32 hex digits)";
            return inBundle.<DomainResolution>map(sid -> new Refused(sid, why))
                    .orElseGet(() -> new Unknown(why));
        }
        DomainSid tagged = DomainSid.of(tag.get());
        if (inBundle.isPresent() && !inBundle.get().equals(tagged)) {
            return new Refused(tagged, "the secret's tag " + TAG + " names " + tagged + " but the bundle's domainSid names "
                    + inBundle.get() + "; make them agree (or drop one) and store a new version");
        }
        return new Found(tagged, "the secret's tag " + TAG);
    }
}
