package io.certguard.adapter.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.caa.CaaCheck;
import io.certguard.caa.CaaChecker;
import io.certguard.caa.CaaDecision;
import io.certguard.caa.CaaRecord;
import io.certguard.loopback.DnsFault;
import io.certguard.loopback.DnsQuery;
import io.certguard.loopback.LoopbackDnsServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole CAA check, as the scan runs it: {@link CaaChecker} over {@link DnsjavaCaaLookup} over real DNS. */
class CaaCheckOverDnsTest {

    private LoopbackDnsServer dns;
    private CaaChecker checker;

    @BeforeEach
    void start() throws IOException {
        dns = LoopbackDnsServer.start();
        checker = CaaChecker.forLetsEncrypt(
                new DnsjavaCaaLookup(new DnsSettings(List.of(dns.address()), Duration.ofMillis(300), 2)));
        dns.addA("links.example.com", "192.0.2.10");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void permittedByTheParent_withoutQueryingAboveIt() {
        dns.addCaa("example.com", 0, "issue", "letsencrypt.org").addCaa("com", 0, "issue", ";");

        CaaCheck check = checker.check("links.example.com", false);

        assertThat(check.decision()).isEqualTo(new CaaDecision.Permitted("example.com",
                List.of(new CaaRecord(0, "issue", "letsencrypt.org"))));
        assertThat(check.queriedNames()).containsExactly("links.example.com", "example.com");
        assertThat(dns.queries()).extracting(DnsQuery::name).containsExactly("links.example.com", "example.com");
    }

    @Test
    void noCaaAnywhere_queriesUpToTheTld() {
        CaaCheck check = checker.check("links.example.com", false);

        assertThat(check.decision()).isEqualTo(CaaDecision.Permitted.noCaaRecords());
        assertThat(dns.queries()).extracting(DnsQuery::name)
                .containsExactly("links.example.com", "example.com", "com");
    }

    @Test
    void servfailOnAParentBeforeTheRelevantSetIsIndeterminate() {
        dns.fault("example.com", "CAA", DnsFault.SERVFAIL).addCaa("com", 0, "issue", "letsencrypt.org");

        CaaCheck check = checker.check("links.example.com", false);

        assertThat(check.decision()).isInstanceOfSatisfying(CaaDecision.Indeterminate.class, indeterminate -> {
            assertThat(indeterminate.name()).isEqualTo("example.com");
            assertThat(indeterminate.error()).startsWith("SERVFAIL: ").endsWith(" answered SERVFAIL for"
                    + " example.com/CAA");
        });
        assertThat(dns.queriesFor("com")).isEmpty();
    }

    @Test
    void aTimeoutOnTheHostIsIndeterminate() {
        dns.fault("links.example.com", "CAA", DnsFault.NO_RESPONSE);

        CaaCheck check = checker.check("links.example.com", false);

        assertThat(check.decision()).isInstanceOfSatisfying(CaaDecision.Indeterminate.class,
                indeterminate -> assertThat(indeterminate.error()).startsWith("TIMEOUT: no answer from "));
        assertThat(check.queriedNames()).containsExactly("links.example.com");
    }

    @Test
    void deniedByTheCaaOfTheHostsCnameTarget() {
        dns.addCname("shop.example.com", "shop.edge.example.net")
                .addCaa("shop.edge.example.net", 0, "issue", "digicert.com")
                .addCaa("example.com", 0, "issue", "letsencrypt.org");

        CaaCheck check = checker.check("shop.example.com", false);

        assertThat(check.decision()).isInstanceOfSatisfying(CaaDecision.Denied.class, denied -> {
            assertThat(denied.foundAt()).isEqualTo("shop.example.com");
            assertThat(denied.denying()).contains(new CaaRecord(0, "issue", "digicert.com"));
            assertThat(denied.reason()).isEqualTo("no issue record at shop.example.com (held by its alias target"
                    + " shop.edge.example.net) authorises letsencrypt.org: 0 issue \"digicert.com\" names"
                    + " digicert.com, not letsencrypt.org");
        });
    }

    @Test
    void aCnameLoopIsIndeterminate() {
        dns.addCname("loop.example.com", "loop.example.net").addCname("loop.example.net", "loop.example.com");

        CaaCheck check = checker.check("loop.example.com", false);

        assertThat(check.decision()).isEqualTo(new CaaDecision.Indeterminate("loop.example.com", "CNAME_LOOP: the"
                + " CNAMEs of loop.example.com loop: loop.example.com -> loop.example.net -> loop.example.com"));
    }

    @Test
    void aLargeCaaSetIsReadOverTcpAndDecided() {
        for (int i = 0; i < 40; i++) {
            dns.addCaa("example.com", 0, "issue", "ca" + i + ".example; policy=" + "p".repeat(40));
        }
        dns.addCaa("example.com", 0, "issue", "LetsEncrypt.org");

        CaaCheck check = checker.check("links.example.com", false);

        assertThat(check.decision()).isInstanceOfSatisfying(CaaDecision.Permitted.class,
                permitted -> assertThat(permitted.relevant()).hasSize(41));
        assertThat(dns.queriesFor("example.com")).extracting(DnsQuery::transport)
                .containsExactly(DnsQuery.Transport.UDP, DnsQuery.Transport.TCP);
    }

    @Test
    void anAccountRestrictionDeniesWhenTheAccountIsUnknown() {
        dns.addCaa("example.com", 0, "issue", "letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org"
                + "/acme/acct/1");

        CaaCheck check = checker.check("links.example.com", false);

        assertThat(check.decision()).isInstanceOfSatisfying(CaaDecision.Denied.class,
                denied -> assertThat(denied.reason()).contains("not known to certguard"));
        assertThat(new CaaChecker(new DnsjavaCaaLookup(new DnsSettings(List.of(dns.address()), Duration.ofMillis(300),
                2)), CaaChecker.LETS_ENCRYPT, Optional.of("https://acme-v02.api.letsencrypt.org/acme/acct/1"),
                Optional.empty()).check("links.example.com", false).decision())
                .isInstanceOf(CaaDecision.Permitted.class);
    }
}
