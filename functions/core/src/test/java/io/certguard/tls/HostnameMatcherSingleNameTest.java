package io.certguard.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6125 §6.4 matching of a certificate's DNS name against the host, with RFC 9525's whole-label wildcards. */
class HostnameMatcherSingleNameTest {

    @ParameterizedTest(name = "{0} vs {1} → {2}")
    @CsvSource({
            "links.example.com,     links.example.com,          true",
            "LINKS.Example.COM,     links.example.com,          true",
            "links.example.com.,    links.example.com,          true",
            "links.example.com,     links.example.com.,         true",
            "links.example.com,     example.com,                false",
            "example.com,           links.example.com,          false",
            "*.example.com,         links.example.com,          true",
            "*.EXAMPLE.com,         Links.example.com,          true",
            "*.example.com,         xn--bcher-kva.example.com,  true",
            "*.example.com,         example.com,                false",
            "*.example.com,         a.links.example.com,        false",
            "*.example.com,         .example.com,               false",
            "l*.example.com,        links.example.com,          false",
            "*links.example.com,    links.example.com,          false",
            "*.*.example.com,       a.links.example.com,        false",
            "links.*.com,           links.example.com,          false",
            "*.com,                 example.com,                false",
            "*,                     links,                      false",
            "'',                    links.example.com,          false",
            "*.example.com,         *.example.com,              false",
    })
    void matches(String presented, String host, boolean expected) {
        assertThat(HostnameMatcher.matchesName(host, presented)).isEqualTo(expected);
    }
}
