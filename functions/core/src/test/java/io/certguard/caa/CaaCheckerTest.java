package io.certguard.caa;

import static io.certguard.caa.FakeCaaLookup.dns;
import static io.certguard.caa.FakeCaaLookup.issue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The walk over the names, against an in-memory lookup; {@code CaaCheckOverDnsTest} runs it against real DNS. */
class CaaCheckerTest {

    @Test
    void stopsAtTheFirstNameWithRecords() {
        FakeCaaLookup dns = dns().caa("example.com", issue("letsencrypt.org")).caa("com", issue(";"));

        CaaCheck check = CaaChecker.forLetsEncrypt(dns).check("links.example.com", false);

        assertThat(check.decision()).isEqualTo(new CaaDecision.Permitted("example.com",
                List.of(issue("letsencrypt.org"))));
        assertThat(check.queriedNames()).containsExactly("links.example.com", "example.com");
        assertThat(dns.asked()).containsExactly("links.example.com", "example.com");
    }

    @Test
    void stopsAtTheFirstFailure_becauseNothingAboveCanMakeItPermitted() {
        FakeCaaLookup dns = dns().failing("example.com", LookupFailure.TIMEOUT).caa("com", issue("letsencrypt.org"));

        CaaCheck check = CaaChecker.forLetsEncrypt(dns).check("links.example.com", false);

        assertThat(check.decision()).isEqualTo(new CaaDecision.Indeterminate("example.com",
                "TIMEOUT: scripted TIMEOUT for example.com"));
        assertThat(dns.asked()).containsExactly("links.example.com", "example.com");
    }

    @Test
    void queriesEveryNameUpToTheTldWhenNoneHasRecords() {
        FakeCaaLookup dns = dns().nxDomain("links.example.com");

        CaaCheck check = CaaChecker.forLetsEncrypt(dns).check("Links.Example.COM.", false);

        assertThat(check.decision()).isEqualTo(CaaDecision.Permitted.noCaaRecords());
        assertThat(check.queriedNames()).containsExactly("links.example.com", "example.com", "com");
        assertThat(check.host()).isEqualTo("Links.Example.COM.");
        assertThat(check.lookups().getFirst()).isEqualTo(new NameLookup.Empty("links.example.com", true));
    }

    @Test
    void checksWildcardsAgainstIssuewild() {
        FakeCaaLookup dns = dns().caa("example.com", issue("letsencrypt.org"), FakeCaaLookup.issuewild(";"));

        CaaChecker checker = CaaChecker.forLetsEncrypt(dns);

        assertThat(checker.check("example.com", true).decision()).isInstanceOf(CaaDecision.Denied.class);
        assertThat(checker.check("example.com", false).decision()).isInstanceOf(CaaDecision.Permitted.class);
    }

    @Test
    void usesTheAccountAndMethodItWasGiven() {
        String account = "https://acme-v02.api.letsencrypt.org/acme/acct/42";
        FakeCaaLookup dns = dns().caa("example.com",
                issue("letsencrypt.org; accounturi=" + account + "; validationmethods=dns-01"));

        CaaChecker known = new CaaChecker(dns, CaaChecker.LETS_ENCRYPT, Optional.of(account), Optional.of("dns-01"));

        assertThat(known.check("example.com", false).decision()).isInstanceOf(CaaDecision.Permitted.class);
        assertThat(CaaChecker.forLetsEncrypt(dns).check("example.com", false).decision())
                .isInstanceOf(CaaDecision.Denied.class);
    }

    @Test
    void anInvalidHostIsRefusedBeforeAnyLookup() {
        FakeCaaLookup dns = dns();

        assertThatThrownBy(() -> CaaChecker.forLetsEncrypt(dns).check("*.example.com", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid host \"*.example.com\"");
        assertThat(dns.asked()).isEmpty();
    }
}
