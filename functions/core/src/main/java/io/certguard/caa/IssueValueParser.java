package io.certguard.caa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses {@code issue} and {@code issuewild} values by the grammar of RFC 8659 §4.2:
 *
 * <pre>
 * issue-value = *WSP [issuer-domain-name *WSP] [";" *WSP [parameters *WSP]]
 * parameters  = (parameter *WSP ";" *WSP parameters) / parameter
 * parameter   = tag *WSP "=" *WSP value
 * </pre>
 */
final class IssueValueParser {

    /** A label of an issuer domain name or a parameter tag: {@code (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))}. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:-*[A-Za-z0-9])*");

    /** {@code issuer-domain-name = label *("." label)}: no trailing dot, no whitespace inside. */
    private static final Pattern ISSUER_DOMAIN_NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");

    /** {@code value = *(%x21-3A / %x3C-7E)}: printable ASCII except the semicolon. */
    private static final Pattern PARAMETER_VALUE = Pattern.compile("[\\x21-\\x3A\\x3C-\\x7E]*");

    private IssueValueParser() {
    }

    static IssueValue parse(String value) {
        int semicolon = value.indexOf(';');
        String domain = stripWsp(semicolon < 0 ? value : value.substring(0, semicolon));
        String rest = semicolon < 0 ? "" : stripWsp(value.substring(semicolon + 1));
        if (!domain.isEmpty() && !ISSUER_DOMAIN_NAME.matcher(domain).matches()) {
            return new IssueValue.Malformed("\"" + domain + "\" is not an issuer domain name");
        }
        List<IssueValue.Parameter> parameters = new ArrayList<>();
        if (!rest.isEmpty()) {
            // Neither a tag nor a value may contain a semicolon, so splitting on it is exact.
            for (String text : rest.split(";", -1)) {
                int equals = text.indexOf('=');
                if (equals < 0) {
                    return new IssueValue.Malformed("parameter \"" + stripWsp(text) + "\" is not tag=value");
                }
                String tag = stripWsp(text.substring(0, equals));
                String parameterValue = stripWsp(text.substring(equals + 1));
                if (!LABEL.matcher(tag).matches()) {
                    return new IssueValue.Malformed(
                            "parameter tag \"" + tag + "\" is not letters, digits and inner hyphens");
                }
                if (!PARAMETER_VALUE.matcher(parameterValue).matches()) {
                    return new IssueValue.Malformed(
                            "parameter " + tag + " has a value with spaces, semicolons or non-ASCII characters");
                }
                parameters.add(new IssueValue.Parameter(tag, parameterValue));
            }
        }
        return domain.isEmpty() ? new IssueValue.NoIssuer() : new IssueValue.Issuer(domain, parameters);
    }

    /** Strips RFC 5234 WSP (space and horizontal tab) only, nothing else. */
    private static String stripWsp(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWsp(text.charAt(start))) {
            start++;
        }
        while (end > start && isWsp(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }
}
