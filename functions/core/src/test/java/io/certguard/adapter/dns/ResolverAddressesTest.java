package io.certguard.adapter.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResolverAddressesTest {

    static Stream<Arguments> validSettings() {
        return Stream.of(
                Arguments.of("10.0.0.2", List.of("10.0.0.2:53")),
                Arguments.of("10.0.0.2:5353", List.of("10.0.0.2:5353")),
                Arguments.of("2001:db8::53", List.of("2001:db8:0:0:0:0:0:53:53")),
                Arguments.of("[2001:db8::53]:5353", List.of("2001:db8:0:0:0:0:0:53:5353")),
                Arguments.of("[::1]", List.of("0:0:0:0:0:0:0:1:53")),
                Arguments.of(" 10.0.0.2 , 10.0.0.3:54 ", List.of("10.0.0.2:53", "10.0.0.3:54")),
                Arguments.of("10.0.0.2,,10.0.0.3,", List.of("10.0.0.2:53", "10.0.0.3:53")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("validSettings")
    void parsesAddressesWithOptionalPorts(String setting, List<String> expected) {
        assertThat(ResolverAddresses.parse(setting))
                .map(a -> a.getAddress().getHostAddress() + ":" + a.getPort())
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("10.0.0.300", "entry 1 (\"10.0.0.300\"): \"10.0.0.300\" is not an IPv4 address"),
                Arguments.of("dns.google", "entry 1 (\"dns.google\"): \"dns.google\" is not an IPv4 address (host"
                        + " names are not accepted)"),
                Arguments.of("10.0.0.2:0", "entry 1 (\"10.0.0.2:0\"): port must be 1 to 65535, was 0"),
                Arguments.of("10.0.0.2:70000", "entry 1 (\"10.0.0.2:70000\"): port must be 1 to 65535, was 70000"),
                Arguments.of("10.0.0.2:dns", "entry 1 (\"10.0.0.2:dns\"): port \"dns\" is not a number"),
                Arguments.of("10.0.0.2:", "entry 1 (\"10.0.0.2:\"): port \"\" is not a number"),
                Arguments.of("[2001:db8::53", "entry 1 (\"[2001:db8::53\"): \"[\" without \"]\""),
                Arguments.of("[2001:db8::53]5353", "entry 1 (\"[2001:db8::53]5353\"): only \":port\" may follow"
                        + " \"]\""),
                Arguments.of("2001:db8::zz", "entry 1 (\"2001:db8::zz\"): \"2001:db8::zz\" is not an IPv6 address"),
                Arguments.of("[10.0.0.2]:53", "entry 1 (\"[10.0.0.2]:53\"): \"10.0.0.2\" is not an IPv6 address"),
                Arguments.of("10.0.0.2, nope, 10.0.0.3:x", "entry 2 (\"nope\"): \"nope\" is not an IPv4 address (host"
                        + " names are not accepted); entry 3 (\"10.0.0.3:x\"): port \"x\" is not a number"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("invalidSettings")
    void namesEveryBadEntry(String setting, String problems) {
        assertThatThrownBy(() -> ResolverAddresses.parse(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DNS_RESOLVERS is malformed: " + problems + ". Expected comma-separated ip[:port]"
                        + " entries, e.g. 10.0.0.2, 10.0.0.2:5353, 2001:db8::53 or [2001:db8::53]:5353");
    }

    @Test
    void aSettingWithoutEntriesIsRefused() {
        assertThatThrownBy(() -> ResolverAddresses.parse(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DNS_RESOLVERS lists no resolver.")
                .hasMessageEndingWith("leave it unset to use the system's resolvers");
    }

    @Test
    void theSettingGivesResolversWithDefaultTimeoutAndAttempts() {
        DnsSettings settings = DnsSettings.fromSetting(Optional.of("10.0.0.2:5353"));

        assertThat(settings).isEqualTo(new DnsSettings(List.of(new InetSocketAddress("10.0.0.2", 5353)),
                Duration.ofSeconds(2), 2));
    }

    @Test
    void settingsRefuseUnboundedOrEmptyValues() {
        List<InetSocketAddress> one = List.of(new InetSocketAddress("10.0.0.2", 53));

        assertThatThrownBy(() -> new DnsSettings(List.of(), Duration.ofSeconds(1), 1))
                .hasMessage("at least one resolver is needed");
        assertThatThrownBy(() -> new DnsSettings(one, Duration.ZERO, 1))
                .hasMessage("timeout must be positive, was PT0S");
        assertThatThrownBy(() -> new DnsSettings(one, Duration.ofSeconds(1), 0))
                .hasMessage("attempts must be at least 1, was 0");
    }
}
