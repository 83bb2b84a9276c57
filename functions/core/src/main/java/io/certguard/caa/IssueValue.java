package io.certguard.caa;

import java.util.List;
import java.util.Objects;

/**
 * The value of an {@code issue} or {@code issuewild} property (RFC 8659 §4.2), as {@link IssueValueParser} reads it.
 */
sealed interface IssueValue {

    /** The value names an issuer, optionally with parameters that narrow the permission. */
    record Issuer(String domain, List<Parameter> parameters) implements IssueValue {
        public Issuer {
            Objects.requireNonNull(domain, "domain");
            parameters = List.copyOf(parameters);
        }

        /** The values of every parameter with this tag, in order (parameter tags match exactly, as in Boulder). */
        public List<String> values(String tag) {
            return parameters.stream().filter(p -> p.tag().equals(tag)).map(Parameter::value).toList();
        }
    }

    /** No issuer domain name (e.g. {@code ";"} or an empty value): RFC 8659 §4.2 says no CA is authorised by it. */
    record NoIssuer() implements IssueValue {
    }

    /** The value does not follow the grammar; Let's Encrypt skips such a record, so it authorises no one. */
    record Malformed(String problem) implements IssueValue {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** One {@code tag=value} parameter. */
    record Parameter(String tag, String value) {
        public Parameter {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(value, "value");
        }
    }
}
