package io.certguard.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.adapter.dns.DnsSettings;
import io.certguard.adapter.dns.DnsjavaCaaLookup;
import io.certguard.caa.NameLookup;
import io.certguard.loopback.DnsFault;
import io.certguard.loopback.LoopbackDnsServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code hostile/dns/} is a small script ({@code NAME.dns}) that sets up a resolver on loopback, either
 * {@link LoopbackDnsServer} with records and scripted faults or {@link RawDnsResponder} with hand-made wire bytes,
 * then asks {@link DnsjavaCaaLookup} (300 ms timeout, 2 attempts) for the CAA records of the {@code query} name. The
 * outcome is the {@link NameLookup} the expect file names: {@code Failed} with its {@code field.failure:} and message,
 * {@code Found} or {@code Empty} with their fields. Any exception fails the case.
 *
 * <p>Script lines: {@code caa NAME FLAGS TAG VALUE…}, {@code cname ALIAS TARGET}, {@code a NAME IPV4},
 * {@code fault NAME FAULT [TYPE]}, {@code raw HEX…} (lines concatenated; {@code raw-keep-id} to send the ID as
 * written), {@code resolver closed} (a port nothing listens on), {@code query NAME}; {@code #} starts a comment.
 */
class HostileDnsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    static Stream<String> cases() {
        return HostileCorpus.names("dns");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachResolverAnswerEndsInItsExpectedLookup(String name) throws Exception {
        HostileCorpus.Case c = HostileCorpus.named("dns", name);
        List<String> script = new String(HostileCorpus.render(c.inputBytes()), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        String query = script.stream().filter(line -> line.startsWith("query ")).map(line -> line.substring(6).strip())
                .findFirst().orElseThrow(() -> new IllegalStateException(c.input() + " has no query line"));

        NameLookup result;
        if (script.stream().anyMatch(line -> line.startsWith("raw "))) {
            StringBuilder hex = new StringBuilder();
            script.stream().filter(line -> line.startsWith("raw ")).forEach(line -> hex.append(line.substring(4)));
            byte[] wire = HexFormat.of().parseHex(hex.toString().replaceAll("\\s+", ""));
            try (RawDnsResponder raw = new RawDnsResponder(wire, !script.contains("raw-keep-id"))) {
                result = lookup(raw.address()).lookup(query);
                assertThat(raw.queries()).as("queries of %s", c).isPositive();
            }
        } else if (script.contains("resolver closed")) {
            InetSocketAddress closed;
            try (LoopbackDnsServer gone = LoopbackDnsServer.start()) {
                closed = gone.address();
            }
            result = lookup(closed).lookup(query);
        } else {
            try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
                script.forEach(line -> configure(dns, line));
                result = lookup(dns.address()).lookup(query);
            }
        }

        assertThat(result.name()).as("name of %s", c).isEqualTo(query);
        Outcomes.check(c, result);
    }

    private static DnsjavaCaaLookup lookup(InetSocketAddress resolver) {
        return new DnsjavaCaaLookup(new DnsSettings(List.of(resolver), TIMEOUT, 2));
    }

    private static void configure(LoopbackDnsServer dns, String line) {
        String[] words = line.split("\\s+", 5);
        switch (words[0]) {
            case "caa" -> dns.addCaa(words[1], Integer.parseInt(words[2]), words[3], words.length > 4 ? words[4] : "");
            case "cname" -> dns.addCname(words[1], words[2]);
            case "a" -> dns.addA(words[1], words[2]);
            case "fault" -> {
                if (words.length > 3) {
                    dns.fault(words[1], words[3], DnsFault.valueOf(words[2]));
                } else {
                    dns.fault(words[1], DnsFault.valueOf(words[2]));
                }
            }
            case "query" -> {
                // asked after the set-up
            }
            default -> throw new IllegalArgumentException("unknown script line: " + line);
        }
    }
}
