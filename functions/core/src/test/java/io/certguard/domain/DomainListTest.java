package io.certguard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainListTest {

    private static final String SID1 = "DN" + "0123456789abcdef".repeat(2);
    private static final String SID2 = "DN" + "ABCDEF0123456789".repeat(2);

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("empty", "", List.of()),
                Arguments.of("blank", "  ", List.of()),
                Arguments.of("one SID", SID1, List.of(MonitoredDomain.of(new DomainSid(SID1)))),
                Arguments.of("SID with host", SID1 + "=Links.Example.com",
                        List.of(new MonitoredDomain(new DomainSid(SID1), Optional.of("links.example.com"), 443))),
                Arguments.of("SID with host and port, spaces, trailing dot", " " + SID1 + " = links.example.com.:8443 ",
                        List.of(new MonitoredDomain(new DomainSid(SID1), Optional.of("links.example.com"), 8443))),
                Arguments.of("two, empty entries and trailing comma tolerated", SID1 + ",," + SID2 + "=127.0.0.1:4443,",
                        List.of(MonitoredDomain.of(new DomainSid(SID1)),
                                new MonitoredDomain(new DomainSid(SID2), Optional.of("127.0.0.1"), 4443))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesValidSettings(String name, String setting, List<MonitoredDomain> expected) {
        assertThat(DomainList.parse(setting)).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("not a SID", "links.example.com", "entry 1"),
                Arguments.of("short SID", "DN123", "DN followed by 32 hex digits"),
                Arguments.of("port not a number", SID1 + "=host:https", "port is not a number"),
                Arguments.of("port out of range", SID1 + "=host:70000", "port must be 1 to 65535"),
                Arguments.of("host with a scheme", SID1 + "=https://host", "give a host name, not a URL"),
                Arguments.of("host with underscore", SID1 + "=bad_host.example.com", "is not a host name"),
                Arguments.of("duplicate SID", SID1 + "," + SID1 + "=h.example.com", "listed twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsMalformedEntriesNamingThem(String name, String setting, String message) {
        assertThatThrownBy(() -> DomainList.parse(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOMAINS is malformed")
                .hasMessageContaining(message);
    }

    @Test
    void reportsEveryBadEntryAtOnce() {
        assertThatThrownBy(() -> DomainList.parse("bad1," + SID1 + ",bad2"))
                .hasMessageContaining("entry 1 (\"bad1\")")
                .hasMessageContaining("entry 3 (\"bad2\")");
    }
}
