package io.certguard.caa;

import static io.certguard.caa.FakeCaaLookup.caaRecord;
import static io.certguard.caa.FakeCaaLookup.dns;
import static io.certguard.caa.FakeCaaLookup.issue;
import static io.certguard.caa.FakeCaaLookup.issuewild;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaaEvaluatorTest {

    private static final String LE = "letsencrypt.org";
    private static final String ACCOUNT = "https://acme-v02.api.letsencrypt.org/acme/acct/1234";
    private static final String OTHER_ACCOUNT = "https://acme-v02.api.letsencrypt.org/acme/acct/9999";
    private static final String METHOD = "http-01";

    /**
     * One scenario: the DNS data, the name checked and the decision expected, written as "permitted (no CAA)",
     * "permitted at NAME", "denied at NAME" or "indeterminate at NAME".
     */
    record Case(String name, String host, boolean wildcard, FakeCaaLookup dns, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case plain(String name, FakeCaaLookup dns, String expected) {
        return new Case(name, "www.example.com", false, dns, expected);
    }

    private static Case wildcard(String name, FakeCaaLookup dns, String expected) {
        return new Case(name, "example.com", true, dns, expected);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // Selecting the Relevant RRset (RFC 8659 §3)
                plain("No CAA anywhere", dns(), "permitted (no CAA)"),
                plain("Good (present on the host)", dns().caa("www.example.com", issue(LE)),
                        "permitted at www.example.com"),
                plain("Good (present on a parent)", dns().caa("example.com", issue(LE)), "permitted at example.com"),
                plain("Bad (present on the TLD)", dns().caa("com", issue(";")), "denied at com"),
                new Case("Good (present several labels up)", "a.b.c.example.com", false,
                        dns().caa("c.example.com", issue(LE)), "permitted at c.example.com"),
                plain("Closest set wins: host allows what the parent forbids",
                        dns().caa("www.example.com", issue(LE)).caa("example.com", issue(";")),
                        "permitted at www.example.com"),
                plain("Closest set wins: host forbids what the parent allows",
                        dns().caa("www.example.com", issue("digicert.com")).caa("example.com", issue(LE)),
                        "denied at www.example.com"),
                plain("NXDOMAIN for the host counts as empty",
                        dns().nxDomain("www.example.com").caa("example.com", issue(LE)), "permitted at example.com"),
                plain("NXDOMAIN below the TLD and nothing above", dns().nxDomain("www.example.com")
                        .nxDomain("example.com"), "permitted (no CAA)"),
                plain("NXDOMAIN for the TLD itself", dns().nxDomain("com"), "indeterminate at com"),
                plain("SERVFAIL on the host", dns().failing("www.example.com", LookupFailure.SERVFAIL),
                        "indeterminate at www.example.com"),
                plain("SERVFAIL on a parent before the relevant set",
                        dns().failing("example.com", LookupFailure.SERVFAIL).caa("com", issue(LE)),
                        "indeterminate at example.com"),
                plain("SERVFAIL above the relevant set does not matter",
                        dns().caa("example.com", issue(LE)).failing("com", LookupFailure.SERVFAIL),
                        "permitted at example.com"),
                plain("Timeout on the TLD with nothing below", dns().failing("com", LookupFailure.TIMEOUT),
                        "indeterminate at com"),
                plain("Truncated answer on the host", dns().failing("www.example.com", LookupFailure.TRUNCATED),
                        "indeterminate at www.example.com"),
                plain("Records held by the host's CNAME target",
                        dns().caaVia("www.example.com", "edge.cdn.example.net", issue("digicert.com")),
                        "denied at www.example.com"),

                // issue (RFC 8659 §4.2)
                plain("Other CA only", dns().caa("example.com", issue("digicert.com")), "denied at example.com"),
                plain("Other CA and Let's Encrypt", dns().caa("example.com", issue("digicert.com"), issue(LE)),
                        "permitted at example.com"),
                plain("Empty issue value", dns().caa("example.com", issue("")), "denied at example.com"),
                plain("Semicolon only (no CA may issue)", dns().caa("example.com", issue(";")),
                        "denied at example.com"),
                plain("Semicolon next to a record for Let's Encrypt", dns().caa("example.com", issue(";"), issue(LE)),
                        "permitted at example.com"),
                plain("Issuer domain is case-insensitive", dns().caa("example.com", issue("LetsEncrypt.ORG")),
                        "permitted at example.com"),
                plain("Trailing dot on the issuer never matches", dns().caa("example.com", issue("letsencrypt.org.")),
                        "denied at example.com"),
                plain("Whitespace around issuer and parameters",
                        dns().caa("example.com", issue(" \tletsencrypt.org ;  validationmethods=http-01 ")),
                        "permitted at example.com"),
                plain("Unknown parameter is ignored", dns().caa("example.com", issue(LE + "; policy=ev")),
                        "permitted at example.com"),
                plain("Malformed parameter skips the record", dns().caa("example.com", issue(LE + "; accounturi")),
                        "denied at example.com"),
                plain("Malformed record next to a good one", dns().caa("example.com", issue(LE + "; a=b c"), issue(LE)),
                        "permitted at example.com"),

                // Tags and flags (RFC 8659 §4.1)
                plain("Tags are case-insensitive", dns().caa("example.com", caaRecord(0, "ISSUE", LE)),
                        "permitted at example.com"),
                plain("Critical unknown tag (flag 128)",
                        dns().caa("example.com", issue(LE), caaRecord(128, "tbs", "unknown")), "denied at example.com"),
                plain("Critical unknown tag (flag 1, read as critical like Boulder)",
                        dns().caa("example.com", issue(LE), caaRecord(1, "tbs", "unknown")), "denied at example.com"),
                plain("Non-critical unknown tag only", dns().caa("example.com", caaRecord(0, "tbs", "unknown")),
                        "permitted at example.com"),
                plain("Other flag bits do not make a tag critical",
                        dns().caa("example.com", issue(LE), caaRecord(64, "tbs", "unknown")),
                        "permitted at example.com"),
                plain("Critical iodef, issuemail and issuevmc are recognised", dns().caa("example.com", issue(LE),
                        caaRecord(128, "iodef", "mailto:security@example.com"), caaRecord(128, "issuemail", ";"),
                        caaRecord(128, "issuevmc", ";")), "permitted at example.com"),
                plain("Only iodef (nothing restricts issuance)",
                        dns().caa("example.com", caaRecord(0, "iodef", "mailto:security@example.com")),
                        "permitted at example.com"),

                // issuewild (RFC 8659 §4.3)
                plain("issuewild is ignored for a plain name", dns().caa("example.com", issuewild(";")),
                        "permitted at example.com"),
                plain("issuewild does not rescue a plain name", dns().caa("example.com", issue(";"), issuewild(LE)),
                        "denied at example.com"),
                wildcard("Wildcard: issuewild takes precedence over issue",
                        dns().caa("example.com", issue(LE), issuewild(";")), "denied at example.com"),
                wildcard("Wildcard: issuewild allows what issue forbids",
                        dns().caa("example.com", issue(";"), issuewild(LE)), "permitted at example.com"),
                wildcard("Wildcard without issuewild falls back to issue", dns().caa("example.com", issue(LE)),
                        "permitted at example.com"),
                wildcard("Wildcard, other CA only", dns().caa("example.com", issue("digicert.com")),
                        "denied at example.com"),
                wildcard("Wildcard, issuewild tag in upper case",
                        dns().caa("example.com", issue(LE), caaRecord(0, "IssueWild", ";")), "denied at example.com"),
                wildcard("Wildcard inherits issuewild from the parent", dns().caa("com", issuewild(";")),
                        "denied at com"),

                // accounturi and validationmethods (RFC 8657)
                plain("accounturi matches", dns().caa("example.com", issue(LE + "; accounturi=" + ACCOUNT)),
                        "permitted at example.com"),
                plain("accounturi mismatch", dns().caa("example.com", issue(LE + "; accounturi=" + OTHER_ACCOUNT)),
                        "denied at example.com"),
                plain("accounturi mismatch next to a record without one", dns().caa("example.com",
                        issue(LE + "; accounturi=" + OTHER_ACCOUNT), issue(LE)), "permitted at example.com"),
                plain("Two accounturi parameters are unsatisfiable", dns().caa("example.com",
                        issue(LE + "; accounturi=" + ACCOUNT + "; accounturi=" + ACCOUNT)), "denied at example.com"),
                plain("Parameter tags are case-sensitive (AccountURI is unknown, so ignored)",
                        dns().caa("example.com", issue(LE + "; AccountURI=" + OTHER_ACCOUNT)),
                        "permitted at example.com"),
                plain("validationmethods lists the method",
                        dns().caa("example.com", issue(LE + "; validationmethods=dns-01,http-01")),
                        "permitted at example.com"),
                plain("validationmethods omits the method",
                        dns().caa("example.com", issue(LE + "; validationmethods=dns-01,tls-alpn-01")),
                        "denied at example.com"),
                plain("validationmethods is malformed",
                        dns().caa("example.com", issue(LE + "; validationmethods=http-01,,dns-01")),
                        "denied at example.com"),
                plain("Two validationmethods parameters are unsatisfiable", dns().caa("example.com",
                        issue(LE + "; validationmethods=http-01; validationmethods=http-01")), "denied at example.com"),
                plain("accounturi and validationmethods both match", dns().caa("example.com",
                        issue(LE + "; accounturi=" + ACCOUNT + "; validationmethods=http-01")),
                        "permitted at example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case c) {
        CaaDecision decision = CaaEvaluator.evaluate(c.host(), c.wildcard(), LE, Optional.of(ACCOUNT),
                Optional.of(METHOD), c.dns().lookupsFor(c.host()));

        assertThat(describe(decision)).isEqualTo(c.expected());
    }

    @Test
    void aSingleRefusingRecordIsTheDenyingRecord_andTheReasonSaysWhy() {
        CaaRecord digicert = issue("digicert.com");

        CaaDecision decision = evaluate("www.example.com", false, dns().caa("example.com", digicert));

        assertThat(decision).isEqualTo(new CaaDecision.Denied("example.com", List.of(digicert), Optional.of(digicert),
                "no issue record at example.com authorises letsencrypt.org: 0 issue \"digicert.com\" names"
                        + " digicert.com, not letsencrypt.org"));
    }

    @Test
    void severalRefusingRecordsDenyTogether_andEachIsExplained() {
        CaaDecision decision = evaluate("www.example.com", false,
                dns().caa("example.com", issue(";"), issue(LE + "; validationmethods=dns-01")));

        CaaDecision.Denied denied = (CaaDecision.Denied) decision;
        assertThat(denied.denying()).isEmpty();
        assertThat(denied.relevant()).hasSize(2);
        assertThat(denied.reason()).isEqualTo("no issue record at example.com authorises letsencrypt.org:"
                + " 0 issue \";\" authorises no CA;"
                + " 0 issue \"letsencrypt.org; validationmethods=dns-01\" is limited to validation methods dns-01,"
                + " not http-01");
    }

    @Test
    void aCriticalUnknownPropertyIsTheDenyingRecord() {
        CaaRecord critical = caaRecord(128, "tbs", "unknown");

        CaaDecision decision = evaluate("www.example.com", false, dns().caa("www.example.com", issue(LE), critical));

        CaaDecision.Denied denied = (CaaDecision.Denied) decision;
        assertThat(denied.denying()).contains(critical);
        assertThat(denied.relevant()).containsExactly(critical);
        assertThat(denied.reason()).contains("128 tbs \"unknown\"").contains("marked critical");
    }

    @Test
    void aDenialThroughACnameNamesTheAliasTarget() {
        CaaDecision decision = evaluate("www.example.com", false,
                dns().caaVia("www.example.com", "edge.cdn.example.net", issue("digicert.com")));

        assertThat(((CaaDecision.Denied) decision).reason())
                .startsWith("no issue record at www.example.com (held by its alias target edge.cdn.example.net)");
    }

    @Test
    void wildcardDenialsSayIssuewild() {
        CaaDecision decision = evaluate("example.com", true, dns().caa("example.com", issuewild("digicert.com")));

        assertThat(((CaaDecision.Denied) decision).reason()).startsWith("no issuewild record at example.com");
    }

    @Test
    void aPermissionListsTheRecordsWeighed() {
        CaaRecord digicert = issue("digicert.com");
        CaaRecord letsEncrypt = issue(LE);

        CaaDecision decision = evaluate("www.example.com", false,
                dns().caa("example.com", digicert, letsEncrypt, caaRecord(0, "iodef", "mailto:a@example.com")));

        assertThat(decision).isEqualTo(new CaaDecision.Permitted("example.com", List.of(digicert, letsEncrypt)));
        assertThat(((CaaDecision.Permitted) decision).caaRecordsFound()).isTrue();
        assertThat(CaaDecision.Permitted.noCaaRecords().caaRecordsFound()).isFalse();
    }

    @Test
    void anIndeterminateDecisionCarriesTheFailureKindAndMessage() {
        CaaDecision decision = evaluate("www.example.com", false,
                dns().failing("example.com", LookupFailure.SERVFAIL));

        assertThat(decision).isEqualTo(new CaaDecision.Indeterminate("example.com",
                "SERVFAIL: scripted SERVFAIL for example.com"));
    }

    @Test
    void anUnknownAccountOrMethodCannotSatisfyARecordThatRestrictsThem() {
        FakeCaaLookup restricted = dns().caa("example.com", issue(LE + "; accounturi=" + ACCOUNT),
                issue(LE + "; validationmethods=http-01"));

        CaaDecision decision = CaaEvaluator.evaluate("www.example.com", false, LE, Optional.empty(), Optional.empty(),
                restricted.lookupsFor("www.example.com"));

        assertThat(((CaaDecision.Denied) decision).reason())
                .contains("is limited to ACME account " + ACCOUNT + ", and the account that will request the"
                        + " certificate is not known to certguard")
                .contains("is limited to validation methods http-01, and the method that will be used is not known");
    }

    @Test
    void lookupsMayStopAtTheDecidingName() {
        List<NameLookup> lookups = List.of(new NameLookup.Empty("www.example.com", false),
                new NameLookup.Found("example.com", "example.com", List.of(issue(LE))));

        assertThat(describe(CaaEvaluator.evaluate("www.example.com", false, LE, Optional.empty(), Optional.empty(),
                lookups))).isEqualTo("permitted at example.com");
    }

    @Test
    void lookupsThatStopBeforeTheTldWithoutADecisionAreRefused() {
        List<NameLookup> lookups = List.of(new NameLookup.Empty("www.example.com", false),
                new NameLookup.Empty("example.com", false));

        assertThatThrownBy(() -> CaaEvaluator.evaluate("www.example.com", false, LE, Optional.empty(),
                Optional.empty(), lookups))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end at example.com")
                .hasMessageContaining("com up to the TLD");
    }

    @Test
    void lookupsForOtherNamesAreRefused() {
        List<NameLookup> lookups = List.of(new NameLookup.Empty("example.com", false));

        assertThatThrownBy(() -> CaaEvaluator.evaluate("www.example.com", false, LE, Optional.empty(),
                Optional.empty(), lookups))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookup 1 is for example.com, expected www.example.com (the names, in order, are"
                        + " [www.example.com, example.com, com])");
    }

    @Test
    void aBlankIssuerDomainIsRefused() {
        assertThatThrownBy(() -> CaaEvaluator.evaluate("www.example.com", false, " ", Optional.empty(),
                Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the issuer domain name must not be blank");
    }

    private static CaaDecision evaluate(String host, boolean wildcard, FakeCaaLookup dns) {
        return CaaEvaluator.evaluate(host, wildcard, LE, Optional.of(ACCOUNT), Optional.of(METHOD),
                dns.lookupsFor(host));
    }

    private static String describe(CaaDecision decision) {
        return switch (decision) {
            case CaaDecision.Permitted p when !p.caaRecordsFound() -> "permitted (no CAA)";
            case CaaDecision.Permitted p -> "permitted at " + p.foundAt();
            case CaaDecision.Denied d -> "denied at " + d.foundAt();
            case CaaDecision.Indeterminate i -> "indeterminate at " + i.name();
        };
    }
}
