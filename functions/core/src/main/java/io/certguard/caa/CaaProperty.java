package io.certguard.caa;

import java.util.Locale;

/** The CAA property tags Let's Encrypt recognises; any other tag is {@link #UNKNOWN}. */
public enum CaaProperty {
    /** RFC 8659 §4.2: which CAs may issue for the name. */
    ISSUE,
    /** RFC 8659 §4.3: which CAs may issue wildcard certificates for the name. */
    ISSUEWILD,
    /** RFC 8659 §4.4: where to report refused requests; recognised, never acted on. */
    IODEF,
    /** RFC 9495: S/MIME issuance; recognised (so a critical one does not block), irrelevant to TLS. */
    ISSUEMAIL,
    /** BIMI's verified-mark certificates; recognised like Boulder does, irrelevant to TLS. */
    ISSUEVMC,
    /** Not a tag Let's Encrypt knows: blocks all issuance when marked critical (RFC 8659 §4.1). */
    UNKNOWN;

    /** RFC 8659 §4.1: "Matching of tags is case insensitive." */
    public static CaaProperty of(String tag) {
        return switch (tag.toLowerCase(Locale.ROOT)) {
            case "issue" -> ISSUE;
            case "issuewild" -> ISSUEWILD;
            case "iodef" -> IODEF;
            case "issuemail" -> ISSUEMAIL;
            case "issuevmc" -> ISSUEVMC;
            default -> UNKNOWN;
        };
    }
}
