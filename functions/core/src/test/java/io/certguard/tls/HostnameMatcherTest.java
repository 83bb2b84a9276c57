package io.certguard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.certguard.testpki.HeldCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostnameMatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    /** One row: does a certificate with these names cover {@code host}? */
    record Case(String name, String host, List<String> dnsNames, List<String> ipAddresses, String commonName,
            boolean matches) {
        PresentedIdentifiers names() {
            return PresentedIdentifiers.of(dnsNames, ipAddresses, Optional.ofNullable(commonName));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case dns(String name, String host, String presented, boolean matches) {
        return new Case(name, host, List.of(presented), List.of(), null, matches);
    }

    static Stream<Case> cases() {
        return Stream.of(
                dns("exact name", "links.example.com", "links.example.com", true),
                dns("different name", "links.example.com", "www.example.com", false),
                dns("case-insensitive (reference upper case)", "LINKS.Example.COM", "links.example.com", true),
                dns("case-insensitive (presented upper case)", "links.example.com", "LINKS.EXAMPLE.COM", true),
                dns("trailing dot on the host", "links.example.com.", "links.example.com", true),
                dns("trailing dot on the presented name", "links.example.com", "links.example.com.", true),
                dns("parent name does not cover a child", "links.example.com", "example.com", false),
                dns("child name does not cover its parent", "example.com", "links.example.com", false),
                dns("suffix is not a label boundary", "badexample.com", "example.com", false),

                dns("wildcard covers one label", "links.example.com", "*.example.com", true),
                dns("wildcard is case-insensitive", "Links.EXAMPLE.com", "*.Example.Com", true),
                dns("wildcard does not cover two labels", "a.links.example.com", "*.example.com", false),
                dns("wildcard does not cover the bare parent", "example.com", "*.example.com", false),
                dns("wildcard covers an A-label", "xn--bcher-kva.example.com", "*.example.com", true),
                dns("partial-label wildcard (prefix) matches nothing", "foo.example.com", "f*.example.com", false),
                dns("partial-label wildcard (suffix) matches nothing", "foo.example.com", "*o.example.com", false),
                dns("wildcard not left-most matches nothing", "links.a.example.com", "links.*.example.com", false),
                dns("two wildcards match nothing", "a.b.example.com", "*.*.example.com", false),
                dns("wildcard over a single label (*.com) matches nothing", "example.com", "*.com", false),
                dns("bare wildcard matches nothing", "example", "*", false),
                dns("a wildcard reference never matches", "*.example.com", "*.example.com", false),
                dns("empty label in the presented name", "links.example.com", "links..example.com", false),
                dns("empty label in the host", "links..example.com", "links..example.com", false),
                dns("unicode host is compared as its A-label", "bücher.example.com", "xn--bcher-kva.example.com", true),

                new Case("any of several SANs", "links.example.com", List.of("www.example.com", "links.example.com"),
                        List.of(), null, true),
                new Case("CN used when there is no dNSName", "links.example.com", List.of(), List.of(),
                        "links.example.com", true),
                new Case("CN wildcard follows the same rules", "links.example.com", List.of(), List.of(),
                        "*.example.com", true),
                new Case("CN ignored when a dNSName exists (RFC 6125 §6.4.4)", "links.example.com",
                        List.of("www.example.com"), List.of(), "links.example.com", false),
                new Case("CN used when the SANs hold only IP addresses", "links.example.com", List.of(),
                        List.of("192.0.2.7"), "links.example.com", true),
                new Case("no names at all", "links.example.com", List.of(), List.of(), null, false),

                new Case("IPv4 literal matches an iPAddress SAN", "192.0.2.7", List.of(), List.of("192.0.2.7"), null,
                        true),
                new Case("IPv4 literal, other address", "192.0.2.8", List.of(), List.of("192.0.2.7"), null, false),
                new Case("IPv4 literal never matches a dNSName", "192.0.2.7", List.of("192.0.2.7"), List.of(), null,
                        false),
                new Case("IPv4 literal never matches the CN", "192.0.2.7", List.of(), List.of(), "192.0.2.7", false),
                new Case("IPv6 literal matches by value, not spelling", "[2001:db8::1]", List.of(),
                        List.of("2001:db8:0:0:0:0:0:1"), null, true),
                new Case("IPv6 literal, other address", "2001:db8::2", List.of(), List.of("2001:db8:0:0:0:0:0:1"),
                        null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPerRfc6125(Case c) {
        assertThat(HostnameMatcher.matches(c.host(), c.names())).isEqualTo(c.matches());
    }

    @Test
    void readsSansAndCommonNameFromACertificate() {
        HeldCertificate certificate = HeldCertificate.builder()
                .commonName("cn.example.com")
                .dnsName("links.example.com")
                .dnsName("*.links.example.com")
                .ipAddress("192.0.2.7")
                .validFor(NOW, Duration.ofDays(30))
                .build();

        PresentedIdentifiers names = PresentedIdentifiers.of(certificate.certificate());

        assertThat(names.dnsNames()).containsExactly("links.example.com", "*.links.example.com");
        assertThat(names.ipAddresses()).containsExactly("192.0.2.7");
        assertThat(names.commonName()).contains("cn.example.com");
        assertThat(HostnameMatcher.matches("a.links.example.com", certificate.certificate())).isTrue();
        assertThat(HostnameMatcher.matches("192.0.2.7", certificate.certificate())).isTrue();
        assertThat(HostnameMatcher.matches("cn.example.com", certificate.certificate())).isFalse();
    }

    @Test
    void fallsBackToTheCommonNameOfACertificateWithoutSans() {
        HeldCertificate certificate = HeldCertificate.builder()
                .commonName("links.example.com")
                .validFor(NOW, Duration.ofDays(30))
                .build();

        assertThat(HostnameMatcher.matches("links.example.com", certificate.certificate())).isTrue();
        assertThat(PresentedIdentifiers.of(certificate.certificate()).describe())
                .isEqualTo("common name links.example.com (no DNS names)");
    }

    @Test
    void describesTheNamesForMessages() {
        PresentedIdentifiers names = PresentedIdentifiers.of(List.of("a.example.com", "*.example.net"),
                List.of("192.0.2.7"), Optional.of("ignored.example.com"));

        assertThat(names.describe()).isEqualTo("DNS names [a.example.com, *.example.net] and IP addresses [192.0.2.7]");
        assertThat(PresentedIdentifiers.of(List.of(), List.of(), Optional.empty()).describe()).isEqualTo("no names");
    }
}
