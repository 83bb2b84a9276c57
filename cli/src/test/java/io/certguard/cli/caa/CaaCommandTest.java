package io.certguard.cli.caa;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.cli.CliHarness;
import io.certguard.cli.CliHarness.Result;
import io.certguard.json.JsonObject;
import io.certguard.loopback.DnsFault;
import io.certguard.loopback.LoopbackDnsServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The caa command against a DNS responder on loopback. */
class CaaCommandTest {

    private LoopbackDnsServer dns;
    private String resolver;

    @BeforeEach
    void start() throws IOException {
        dns = LoopbackDnsServer.start();
        dns.addA("links.example.com", "127.0.0.1"); // so example.com and com exist, as they do on the Internet
        resolver = "127.0.0.1:" + dns.address().getPort();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private Result caa(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "caa";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--resolver";
        all[args.length + 2] = resolver;
        return CliHarness.run(Map.of(), all);
    }

    @Test
    void noCaaRecordsAnywhere_isPermitted_exit0() {
        Result result = caa("links.example.com", "--json");

        assertThat(result.exit()).as(result.toString()).isZero();
        JsonObject json = result.json();
        assertThat(json.asMap()).containsOnlyKeys("decision", "foundAt", "records", "reason");
        assertThat(json.string("decision")).isEqualTo("PERMITTED");
        assertThat(json.raw("foundAt")).isEmpty();
        assertThat(json.optionalArray("records")).contains(List.of());
        assertThat(json.string("reason")).contains("no CAA records at links.example.com");
        assertThat(dns.queriesFor("links.example.com")).isNotEmpty();
    }

    @Test
    void recordsAtTheParentAllowingLetsEncrypt_arePermitted_withTheWholeRRset() {
        dns.addCaa("example.com", 0, "issue", "letsencrypt.org");
        dns.addCaa("example.com", 0, "iodef", "mailto:security@example.com");

        Result result = caa("links.example.com", "--json");

        assertThat(result.exit()).isZero();
        JsonObject json = result.json();
        assertThat(json.string("decision")).isEqualTo("PERMITTED");
        assertThat(json.string("foundAt")).isEqualTo("example.com");
        assertThat(json.optionalArray("records").orElseThrow()).hasSize(2);
        JsonObject first = JsonObject.of((Map<?, ?>) json.optionalArray("records").orElseThrow().getFirst());
        assertThat(first.asMap()).containsOnlyKeys("flags", "tag", "value");
        assertThat(List.of(first.string("tag"), first.string("value")))
                .isIn(List.of("issue", "letsencrypt.org"), List.of("iodef", "mailto:security@example.com"));
    }

    @Test
    void recordsForAnotherCa_deny_exit1_withTheReason_inHumanText() {
        dns.addCaa("example.com", 0, "issue", "digicert.com");

        Result result = caa("links.example.com");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("links.example.com: letsencrypt.org may NOT issue (DENIED)")
                .contains("CAA records at example.com:").contains("0 issue \"digicert.com\"")
                .contains("names digicert.com, not letsencrypt.org")
                .contains("Names queried: links.example.com, example.com");
    }

    @Test
    void theIssuerOption_asksForAnotherCa() {
        dns.addCaa("example.com", 0, "issue", "digicert.com");

        Result result = caa("links.example.com", "--issuer", "digicert.com", "--json");

        assertThat(result.exit()).isZero();
        assertThat(result.json().string("decision")).isEqualTo("PERMITTED");
    }

    @Test
    void aFailingLookup_isIndeterminate_exit3_neverPermitted() {
        dns.fault("example.com", "CAA", DnsFault.SERVFAIL);

        Result result = caa("links.example.com", "--json");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.json().string("decision")).isEqualTo("INDETERMINATE");
        assertThat(result.json().string("reason")).contains("SERVFAIL");
    }

    @Test
    void dnsResolvers_fromTheEnvironment_whenNoResolverIsGiven() {
        dns.addCaa("links.example.com", 0, "issue", ";");

        Result result = CliHarness.run(Map.of("DNS_RESOLVERS", resolver), "caa", "links.example.com", "--json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.json().string("foundAt")).isEqualTo("links.example.com");
    }

    @Test
    void badInput_isOneLineAndExit2() {
        assertUsage(caa("not a host"), "invalid host");
        assertUsage(CliHarness.run(Map.of(), "caa", "links.example.com", "--resolver", "dns.google"),
                "--resolver is malformed");
        assertUsage(CliHarness.run(Map.of("DNS_RESOLVERS", "nonsense"), "caa", "links.example.com"),
                "DNS_RESOLVERS is malformed");
        assertUsage(caa("links.example.com", "--issuer", "not an issuer"), "is not an issuer domain name");
    }

    private static void assertUsage(Result result, String message) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("certguard caa: ").contains(message);
    }
}
