package io.certguard.adapter.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.caa.CaaRecord;
import io.certguard.caa.LookupFailure;
import io.certguard.caa.NameLookup;
import io.certguard.loopback.DnsFault;
import io.certguard.loopback.DnsQuery;
import io.certguard.loopback.LoopbackDnsServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adapter against a real DNS responder on loopback, over UDP and TCP. */
class DnsjavaCaaLookupTest {

    /** Short, so that timeouts keep the suite fast; loopback answers in well under a millisecond. */
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private LoopbackDnsServer dns;
    private DnsjavaCaaLookup lookup;

    @BeforeEach
    void start() throws IOException {
        dns = LoopbackDnsServer.start();
        lookup = new DnsjavaCaaLookup(new DnsSettings(List.of(dns.address()), TIMEOUT, 2));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void findsTheRecordsOfTheName_withFlagsTagAndValue() {
        dns.addCaa("example.com", 128, "issue", "letsencrypt.org; validationmethods=dns-01")
                .addCaa("example.com", 0, "iodef", "mailto:security@example.com");

        NameLookup result = lookup.lookup("example.com");

        assertThat(result).isEqualTo(new NameLookup.Found("example.com", "example.com", List.of(
                new CaaRecord(128, "issue", "letsencrypt.org; validationmethods=dns-01"),
                new CaaRecord(0, "iodef", "mailto:security@example.com"))));
        assertThat(dns.queries()).containsExactly(new DnsQuery("example.com", "CAA", DnsQuery.Transport.UDP));
    }

    @Test
    void aNameWithoutCaaIsEmpty_andAMissingNameIsNxdomain() {
        dns.addA("links.example.com", "192.0.2.10");

        assertThat(lookup.lookup("links.example.com")).isEqualTo(new NameLookup.Empty("links.example.com", false));
        assertThat(lookup.lookup("nope.example.com")).isEqualTo(new NameLookup.Empty("nope.example.com", true));
    }

    @Test
    void followsACnameToTheRecordsOfItsTarget() {
        dns.addCname("links.example.com", "links-example-com.edge.example.net")
                .addCaa("links-example-com.edge.example.net", 0, "issue", "digicert.com");

        NameLookup result = lookup.lookup("links.example.com");

        assertThat(result).isEqualTo(new NameLookup.Found("links.example.com", "links-example-com.edge.example.net",
                List.of(new CaaRecord(0, "issue", "digicert.com"))));
    }

    @Test
    void aCnameToATargetWithoutCaaIsEmpty_evenWhenTheTargetDoesNotExist() {
        dns.addCname("links.example.com", "edge.example.net").addA("edge.example.net", "192.0.2.10")
                .addCname("old.example.com", "gone.example.net");

        assertThat(lookup.lookup("links.example.com")).isEqualTo(new NameLookup.Empty("links.example.com", false));
        assertThat(lookup.lookup("old.example.com")).isEqualTo(new NameLookup.Empty("old.example.com", false));
    }

    @Test
    void aCnameLoopIsAFailure_notAHang() {
        dns.addCname("a.loop.example", "b.loop.example").addCname("b.loop.example", "a.loop.example");

        NameLookup result = lookup.lookup("a.loop.example");

        assertThat(result).isEqualTo(new NameLookup.Failed("a.loop.example", LookupFailure.CNAME_LOOP,
                "the CNAMEs of a.loop.example loop: a.loop.example -> b.loop.example -> a.loop.example"));
    }

    @Test
    void aTruncatedUdpAnswerIsAskedForAgainOverTcp() {
        dns.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", DnsFault.TRUNCATE_UDP);

        NameLookup result = lookup.lookup("example.com");

        assertThat(result).isInstanceOf(NameLookup.Found.class);
        assertThat(dns.queries()).extracting(DnsQuery::transport)
                .containsExactly(DnsQuery.Transport.UDP, DnsQuery.Transport.TCP);
    }

    @Test
    void anAnswerTruncatedOverTcpTooIsAFailure_notAnEmptySet() {
        dns.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", DnsFault.TRUNCATE_ALWAYS);

        NameLookup result = lookup.lookup("example.com");

        assertThat(result).isInstanceOfSatisfying(NameLookup.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(LookupFailure.TRUNCATED);
            assertThat(failed.message()).isEqualTo(dns.address().getAddress().getHostAddress() + ":"
                    + dns.address().getPort() + " truncated the answer to example.com/CAA over UDP and again over TCP");
        });
        assertThat(dns.queries()).hasSize(2);
    }

    @Test
    void anOversizedValueArrivesWholeOverTcp() {
        String value = "letsencrypt.org; accounturi=https://acme.example/acct/" + "9".repeat(4000);
        dns.addCaa("example.com", 0, "issue", value).addCaa("example.com", 0, "tbs", "x".repeat(9000));

        NameLookup result = lookup.lookup("example.com");

        assertThat(result).isInstanceOfSatisfying(NameLookup.Found.class, found -> assertThat(found.records())
                .extracting(CaaRecord::value).containsExactly(value, "x".repeat(9000)));
        assertThat(dns.queries()).extracting(DnsQuery::transport)
                .containsExactly(DnsQuery.Transport.UDP, DnsQuery.Transport.TCP);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SERVFAIL, SERVFAIL", "REFUSED, REFUSED", "NOTIMP, OTHER_RCODE"})
    void anErrorCodeIsAFailureOfItsKind_askedOnlyOnce(DnsFault fault, LookupFailure failure) {
        dns.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", "CAA", fault);

        NameLookup result = lookup.lookup("example.com");

        assertThat(result).isEqualTo(new NameLookup.Failed("example.com", failure, dns.address().getAddress()
                .getHostAddress() + ":" + dns.address().getPort() + " answered " + fault + " for example.com/CAA"));
        assertThat(dns.queries()).hasSize(1);
    }

    @Test
    void anAnswerToAnotherQuestionIsMalformed_askedOnlyOnce() {
        dns.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", DnsFault.WRONG_QUESTION);

        NameLookup result = lookup.lookup("example.com");

        assertThat(result).isInstanceOfSatisfying(NameLookup.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(LookupFailure.MALFORMED_RESPONSE);
            assertThat(failed.message()).startsWith("unusable answer from ").contains("to example.com/CAA: ")
                    .contains("wrong-question.invalid");
        });
        assertThat(dns.queries()).hasSize(1);
    }

    @Test
    void aQueryEchoedBackIsMalformed_notAnEmptyCaaSet() throws Exception {
        try (DatagramSocket echo = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread reflector = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[4096];
                while (!echo.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        echo.receive(packet);
                        echo.send(new DatagramPacket(buffer, packet.getLength(), packet.getSocketAddress()));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            DnsjavaCaaLookup reflected = new DnsjavaCaaLookup(new DnsSettings(
                    List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort())), TIMEOUT, 2));

            NameLookup result = reflected.lookup("example.com");

            assertThat(result).isInstanceOfSatisfying(NameLookup.Failed.class, failed -> {
                assertThat(failed.failure()).isEqualTo(LookupFailure.MALFORMED_RESPONSE);
                assertThat(failed.message()).endsWith("to example.com/CAA: the message is not a response (QR bit clear)");
            });
            echo.close();
            reflector.join(2_000);
        }
    }

    @Test
    void noAnswerIsATimeout_afterTheConfiguredAttempts() {
        dns.fault("example.com", DnsFault.NO_RESPONSE);

        NameLookup result = lookup.lookup("example.com");

        assertThat(result).isEqualTo(new NameLookup.Failed("example.com", LookupFailure.TIMEOUT, "no answer from "
                + dns.address().getAddress().getHostAddress() + ":" + dns.address().getPort()
                + " to example.com/CAA within 300 ms (2 attempts)"));
        assertThat(dns.queries()).hasSize(2);
    }

    @Test
    void anUnreachableResolverIsANetworkFailure_afterTheConfiguredAttempts() throws IOException {
        InetSocketAddress closed;
        try (LoopbackDnsServer gone = LoopbackDnsServer.start()) {
            closed = gone.address();
        }
        DnsjavaCaaLookup unreachable = new DnsjavaCaaLookup(new DnsSettings(List.of(closed), TIMEOUT, 2));

        NameLookup result = unreachable.lookup("example.com");

        assertThat(result).isInstanceOfSatisfying(NameLookup.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(LookupFailure.NETWORK);
            assertThat(failed.message()).startsWith("cannot ask " + closed.getAddress().getHostAddress() + ":"
                    + closed.getPort() + " about example.com/CAA: ").endsWith(" (2 attempts)");
        });
    }

    @Test
    void aRetryGoesToTheNextResolver() throws IOException {
        try (LoopbackDnsServer second = LoopbackDnsServer.start()) {
            dns.fault("example.com", DnsFault.NO_RESPONSE);
            second.addCaa("example.com", 0, "issue", "letsencrypt.org");
            DnsjavaCaaLookup twoResolvers = new DnsjavaCaaLookup(
                    new DnsSettings(List.of(dns.address(), second.address()), TIMEOUT, 2));

            NameLookup result = twoResolvers.lookup("example.com");

            assertThat(result).isInstanceOf(NameLookup.Found.class);
            assertThat(dns.queries()).hasSize(1);
            assertThat(second.queries()).hasSize(1);
        }
    }
}
