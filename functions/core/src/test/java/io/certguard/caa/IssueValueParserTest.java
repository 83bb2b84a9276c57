package io.certguard.caa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IssueValueParserTest {

    private static IssueValue issuer(String domain, String... tagValuePairs) {
        List<IssueValue.Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < tagValuePairs.length; i += 2) {
            parameters.add(new IssueValue.Parameter(tagValuePairs[i], tagValuePairs[i + 1]));
        }
        return new IssueValue.Issuer(domain, parameters);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("letsencrypt.org", issuer("letsencrypt.org")),
                Arguments.of(" \tletsencrypt.org\t ", issuer("letsencrypt.org")),
                Arguments.of("letsencrypt.org;", issuer("letsencrypt.org")),
                Arguments.of("letsencrypt.org; ", issuer("letsencrypt.org")),
                Arguments.of("xn--bcher-kva.example", issuer("xn--bcher-kva.example")),
                Arguments.of("letsencrypt.org; accounturi=https://a.example/acct/1 ;validationmethods = dns-01",
                        issuer("letsencrypt.org", "accounturi", "https://a.example/acct/1", "validationmethods",
                                "dns-01")),
                Arguments.of("letsencrypt.org; account-uri=", issuer("letsencrypt.org", "account-uri", "")),
                Arguments.of("", new IssueValue.NoIssuer()),
                Arguments.of(";", new IssueValue.NoIssuer()),
                Arguments.of("  ;  ", new IssueValue.NoIssuer()),
                Arguments.of("; accounturi=https://a.example/acct/1", new IssueValue.NoIssuer()),
                Arguments.of("letsencrypt.org.",
                        new IssueValue.Malformed("\"letsencrypt.org.\" is not an issuer domain name")),
                Arguments.of("lets encrypt.org",
                        new IssueValue.Malformed("\"lets encrypt.org\" is not an issuer domain name")),
                Arguments.of("-le.example", new IssueValue.Malformed("\"-le.example\" is not an issuer domain name")),
                Arguments.of("letsencrypt.org; accounturi",
                        new IssueValue.Malformed("parameter \"accounturi\" is not tag=value")),
                Arguments.of("letsencrypt.org;;", new IssueValue.Malformed("parameter \"\" is not tag=value")),
                Arguments.of("letsencrypt.org; =x",
                        new IssueValue.Malformed("parameter tag \"\" is not letters, digits and inner hyphens")),
                Arguments.of("letsencrypt.org; a_b=x",
                        new IssueValue.Malformed("parameter tag \"a_b\" is not letters, digits and inner hyphens")),
                Arguments.of("letsencrypt.org; a=b c", new IssueValue.Malformed(
                        "parameter a has a value with spaces, semicolons or non-ASCII characters")),
                Arguments.of("letsencrypt.org; a=\u00e9", new IssueValue.Malformed(
                        "parameter a has a value with spaces, semicolons or non-ASCII characters")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("values")
    void parsesByTheRfc8659Grammar(String value, IssueValue expected) {
        assertThat(IssueValueParser.parse(value)).isEqualTo(expected);
    }
}
