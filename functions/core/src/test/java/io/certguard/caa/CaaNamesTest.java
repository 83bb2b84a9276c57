package io.certguard.caa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaaNamesTest {

    static Stream<Arguments> validHosts() {
        return Stream.of(
                Arguments.of("a name and its parents up to the TLD", "links.example.com",
                        List.of("links.example.com", "example.com", "com")),
                Arguments.of("a registrable domain", "example.com", List.of("example.com", "com")),
                Arguments.of("a deep name under a two-label suffix", "a.b.example.co.uk",
                        List.of("a.b.example.co.uk", "b.example.co.uk", "example.co.uk", "co.uk", "uk")),
                Arguments.of("a trailing dot is dropped", "links.example.com.",
                        List.of("links.example.com", "example.com", "com")),
                Arguments.of("upper case is folded", "Links.EXAMPLE.Com", List.of("links.example.com", "example.com",
                        "com")),
                Arguments.of("Unicode labels become A-labels", "bücher.example",
                        List.of("xn--bcher-kva.example", "example")),
                Arguments.of("A-labels stay as they are", "xn--bcher-kva.example",
                        List.of("xn--bcher-kva.example", "example")),
                Arguments.of("digits and inner hyphens are fine", "a-1.x--y.example",
                        List.of("a-1.x--y.example", "x--y.example", "example")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHosts")
    void candidatesClimbFromTheHostToItsTld(String description, String host, List<String> expected) {
        assertThat(CaaNames.candidates(host)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> invalidHosts() {
        return Stream.of(
                Arguments.of("", "invalid host \"\": it is empty"),
                Arguments.of(".", "invalid host \".\": it is empty"),
                Arguments.of("example..com", "invalid host \"example..com\": it has an empty label"),
                Arguments.of(".example.com", "invalid host \".example.com\": it has an empty label"),
                Arguments.of("*.example.com", "invalid host \"*.example.com\": wildcards are not names; pass the name"
                        + " without \"*.\" and ask for a wildcard check"),
                Arguments.of("com", "invalid host \"com\": it is a single label; CAA is checked for names below a TLD"),
                Arguments.of("192.0.2.1", "invalid host \"192.0.2.1\": it looks like an IP address; CAA applies to DNS"
                        + " names only"),
                Arguments.of("-links.example.com", "invalid host \"-links.example.com\": it is not a valid"
                        + " internationalised domain name"),
                Arguments.of("links example.com", "invalid host \"links example.com\": it is not a valid"
                        + " internationalised domain name"),
                Arguments.of("under_score.example.com", "invalid host \"under_score.example.com\": it is not a valid"
                        + " internationalised domain name"),
                Arguments.of("a".repeat(64) + ".example.com", "it is not a valid internationalised domain name"),
                Arguments.of(("a".repeat(60) + ".").repeat(5) + "com", "it is longer than 253 characters"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @MethodSource("invalidHosts")
    void invalidHostsAreRefusedWithAClearMessage(String host, String message) {
        assertThatThrownBy(() -> CaaNames.candidates(host))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aLongInvalidHostIsShortenedInTheMessage() {
        String host = "a".repeat(300) + ".com";

        assertThatThrownBy(() -> CaaNames.candidates(host))
                .hasMessageStartingWith("invalid host \"" + "a".repeat(80) + "…\"");
    }

    @Test
    void normalizeGivesTheHostAsQueried() {
        assertThat(CaaNames.normalize("Bücher.Example.")).isEqualTo("xn--bcher-kva.example");
    }
}
