package io.certguard.caa;

/** Why the CAA records of a name could not be learned. Every kind makes the CAA decision indeterminate. */
public enum LookupFailure {
    /** No answer within the per-query timeout, after every attempt (firewalls that drop unknown types do this). */
    TIMEOUT,
    /** The resolver could not be reached at all (connection refused, network unreachable). */
    NETWORK,
    /** The resolver answered SERVFAIL: it could not get an answer, often because of broken DNSSEC. */
    SERVFAIL,
    /** The resolver answered REFUSED: it will not resolve for this client. */
    REFUSED,
    /** Another error code, such as NOTIMP from name servers that do not know the CAA type. */
    OTHER_RCODE,
    /** The answer was truncated over UDP and still incomplete over TCP. */
    TRUNCATED,
    /** The name's aliases (CNAMEs) lead back to themselves. */
    CNAME_LOOP,
    /** The response could not be parsed or did not answer the question asked. */
    MALFORMED_RESPONSE
}
