package io.certguard.loopback;

/** Scripted misbehaviour of {@link LoopbackDnsServer} for the queries about one name. */
public enum DnsFault {
    /** Answer SERVFAIL, as a resolver does when DNSSEC validation fails or the authoritative servers are down. */
    SERVFAIL,
    /** Answer REFUSED, as a resolver does for clients it does not serve. */
    REFUSED,
    /** Answer NOTIMP, as some name servers do for record types they do not know (CAA among them). */
    NOTIMP,
    /** Never answer, over UDP or TCP, as behind a firewall that drops unknown query types; clients time out. */
    NO_RESPONSE,
    /** Answer over UDP with the TC bit and no records; answer in full over TCP (the normal fallback). */
    TRUNCATE_UDP,
    /** Answer with the TC bit and no records over UDP and over TCP, so no transport yields the answer. */
    TRUNCATE_ALWAYS,
    /** Answer a different question than the one asked, as a broken middlebox might; clients must reject it. */
    WRONG_QUESTION
}
