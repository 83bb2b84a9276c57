package io.certguard.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class LoopbackDnsServerTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    private LoopbackDnsServer server;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackDnsServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersARecordsOverUdpOnLoopback() throws IOException {
        server.addA("links.example.com", "192.0.2.10");

        Message response = udp().send(query("links.example.com", Type.A));

        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(response.getSection(Section.ANSWER)).singleElement()
                .isInstanceOfSatisfying(ARecord.class, a -> assertThat(a.getAddress().getHostAddress())
                        .isEqualTo("192.0.2.10"));
        assertThat(server.queries()).containsExactly(new DnsQuery("links.example.com", "A", DnsQuery.Transport.UDP));
    }

    @Test
    void answersCaaRecordsWithTheirFlagsTagAndValue() throws IOException {
        server.addCaa("example.com", 128, "issue", "letsencrypt.org; validationmethods=dns-01")
                .addCaa("example.com", 0, "iodef", "mailto:security@example.com");

        Message response = udp().send(query("example.com", Type.CAA));

        assertThat(response.getSection(Section.ANSWER)).map(r -> describe((CAARecord) r)).containsExactly(
                "128 issue letsencrypt.org; validationmethods=dns-01", "0 iodef mailto:security@example.com");
    }

    @Test
    void followsCnameChainsInTheAnswer_likeARecursiveResolver() throws IOException {
        server.addCname("links.example.com", "customer.edge.example.net")
                .addCname("customer.edge.example.net", "edge.example.net")
                .addCaa("edge.example.net", 0, "issue", "digicert.com");

        Message response = udp().send(query("links.example.com", Type.CAA));

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).map(r -> r.getName() + " " + Type.string(r.getType()))
                .containsExactly("links.example.com. CNAME", "customer.edge.example.net. CNAME",
                        "edge.example.net. CAA");
    }

    @Test
    void aCnameLoopIsAnsweredWithTheLoopingRecords_notAHang() throws IOException {
        server.addCname("a.loop.example", "b.loop.example").addCname("b.loop.example", "a.loop.example");

        Message response = udp().send(query("a.loop.example", Type.CAA));

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).map(r -> ((CNAMERecord) r).getTarget().toString())
                .containsExactly("b.loop.example.", "a.loop.example.");
    }

    @Test
    void unknownNamesAreNxdomain_andNamesAboveRecordsExistWithoutData() throws IOException {
        server.addA("a.b.example.com", "192.0.2.1");
        SimpleResolver resolver = udp();

        assertThat(resolver.send(query("nope.example.com", Type.CAA)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        for (String emptyNonTerminal : List.of("b.example.com", "example.com", "com")) {
            Message response = resolver.send(query(emptyNonTerminal, Type.CAA));
            assertThat(response.getRcode()).as(emptyNonTerminal).isEqualTo(Rcode.NOERROR);
            assertThat(response.getSection(Section.ANSWER)).as(emptyNonTerminal).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SERVFAIL, 2", "REFUSED, 5", "NOTIMP, 4"})
    void answersWithTheScriptedErrorCode(DnsFault fault, int rcode) throws IOException {
        server.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", fault);

        Message response = udp().send(query("example.com", Type.CAA));

        assertThat(response.getRcode()).isEqualTo(rcode);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void aFaultForOneTypeLeavesTheOthersAlone() throws IOException {
        server.addA("example.com", "192.0.2.1").fault("EXAMPLE.com.", "CAA", DnsFault.SERVFAIL);

        assertThat(udp().send(query("example.com", Type.CAA)).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(udp().send(query("example.com", Type.A)).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void noResponseLeavesUdpAndTcpClientsToTimeOut() {
        server.fault("silent.example.com", DnsFault.NO_RESPONSE);

        // dnsjava reports a timeout as SocketTimeoutException or as IOException, whichever of its timers fires first.
        assertThatThrownBy(() -> udp().send(query("silent.example.com", Type.CAA)))
                .isInstanceOf(IOException.class).hasMessageMatching("(?i).*timed out.*");
        assertThatThrownBy(() -> tcp().send(query("silent.example.com", Type.CAA)))
                .isInstanceOf(IOException.class).hasMessageMatching("(?i).*timed out.*");
        assertThat(server.queriesFor("silent.example.com")).extracting(DnsQuery::transport)
                .containsExactly(DnsQuery.Transport.UDP, DnsQuery.Transport.TCP);
    }

    @Test
    void truncateUdpSetsTcOverUdp_andAnswersInFullOverTcp() throws IOException {
        server.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", DnsFault.TRUNCATE_UDP);

        Message overUdp = udp().send(query("example.com", Type.CAA));
        Message overTcp = tcp().send(query("example.com", Type.CAA));

        assertThat(overUdp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(overUdp.getSection(Section.ANSWER)).isEmpty();
        assertThat(overTcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(overTcp.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void truncateAlwaysSetsTcOverTcpToo() throws IOException {
        server.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", DnsFault.TRUNCATE_ALWAYS);

        Message overTcp = tcp().send(query("example.com", Type.CAA));

        assertThat(overTcp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(overTcp.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void wrongQuestionAnswersAnotherName() throws IOException {
        server.addCaa("example.com", 0, "issue", "letsencrypt.org").fault("example.com", DnsFault.WRONG_QUESTION);
        SimpleResolver udp = udp();

        assertThatThrownBy(() -> udp.send(query("example.com", Type.CAA)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("wrong-question.invalid");
    }

    @Test
    void anAnswerLargerThanTheAdvertisedUdpSizeIsTruncated_andWholeOverTcp() throws IOException {
        String value = "letsencrypt.org; accounturi=https://acme.example/acct/" + "7".repeat(3000);
        server.addCaa("example.com", 0, "issue", value);
        SimpleResolver udp = udp();
        udp.setEDNS(0, 1232, 0, List.of());

        Message overUdp = udp.send(query("example.com", Type.CAA));
        Message overTcp = tcp().send(query("example.com", Type.CAA));

        assertThat(overUdp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(overTcp.getSection(Section.ANSWER)).singleElement().isInstanceOfSatisfying(CAARecord.class,
                caa -> assertThat(new String(caa.getValueAsByteArray(), StandardCharsets.ISO_8859_1))
                        .isEqualTo(value));
        assertThat(server.queriesFor("example.com")).extracting(DnsQuery::transport)
                .containsExactly(DnsQuery.Transport.UDP, DnsQuery.Transport.TCP);
    }

    @Test
    void anAnswerLargerThanATcpMessageIsTruncatedOverTcpToo_notSentWithAWrappedLength() throws IOException {
        server.addCaa("example.com", 0, "issue", "a".repeat(40_000)).addCaa("example.com", 0, "issuewild", "b".repeat(40_000));

        Message overTcp = tcp().send(query("example.com", Type.CAA));

        assertThat(overTcp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(overTcp.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void withoutEdnsUdpAnswersStopAt512Octets() throws IOException {
        server.addCaa("example.com", 0, "issue", "x".repeat(600));
        SimpleResolver udp = udp();
        udp.setEDNS(-1);

        assertThat(udp.send(query("example.com", Type.CAA)).getHeader().getFlag(Flags.TC)).isTrue();
    }

    @Test
    void aCnameCannotShareItsNameWithOtherRecords() {
        server.addA("links.example.com", "192.0.2.1");

        assertThatThrownBy(() -> server.addCname("links.example.com", "edge.example.net"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("links.example.com. cannot hold a CNAME and other records (RFC 1034 §3.6.2)");
    }

    @Test
    void refusesMalformedConfiguration() {
        assertThatThrownBy(() -> server.addA("example.com", "not-an-ip"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("\"not-an-ip\" is not an IPv4 address");
        assertThatThrownBy(() -> server.fault("example.com", "NOPE", DnsFault.SERVFAIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("\"NOPE\" is not a DNS record type");
        assertThatThrownBy(() -> server.addCaa("example.com", 256, "issue", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeReleasesThePort() throws IOException {
        InetAddress address = server.address().getAddress();
        int port = server.address().getPort();

        server.close();

        try (DatagramSocket rebound = new DatagramSocket(port, address)) {
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
    }

    private SimpleResolver udp() {
        SimpleResolver resolver = new SimpleResolver(server.address());
        resolver.setTimeout(SHORT);
        resolver.setIgnoreTruncation(true);
        return resolver;
    }

    private SimpleResolver tcp() {
        SimpleResolver resolver = new SimpleResolver(server.address());
        resolver.setTimeout(SHORT);
        resolver.setTCP(true);
        return resolver;
    }

    private static Message query(String name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
    }

    private static String describe(CAARecord caa) {
        return caa.getFlags() + " " + caa.getTag() + " " + new String(caa.getValueAsByteArray(),
                StandardCharsets.ISO_8859_1);
    }
}
