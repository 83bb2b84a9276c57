package io.certguard.caa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CA whose permission is predicted, and how it will ask: decides whether one {@code issue} or {@code issuewild}
 * record authorises it.
 *
 * @param domain           the issuer domain name the CA recognises as its own, e.g. {@code letsencrypt.org}
 * @param accountUri       the ACME account the certificate will be requested with, when known
 * @param validationMethod the ACME validation method that will prove control of the name, when known
 */
record CaaIssuer(String domain, Optional<String> accountUri, Optional<String> validationMethod) {

    /** RFC 8657 §4: {@code label = 1*(ALPHA / DIGIT / "-")}, comma-separated. */
    private static final Pattern METHOD_LABEL = Pattern.compile("[A-Za-z0-9-]+");

    CaaIssuer {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(accountUri, "accountUri");
        Objects.requireNonNull(validationMethod, "validationMethod");
        if (domain.isBlank()) {
            throw new IllegalArgumentException("the issuer domain name must not be blank");
        }
    }

    /** Empty when the record authorises this CA; otherwise why not, as a phrase following the record. */
    Optional<String> refusal(CaaRecord record) {
        return switch (IssueValueParser.parse(record.value())) {
            // RFC 8659 §4.2: a value without an issuer domain name (";") authorises no CA at all.
            case IssueValue.NoIssuer ignored -> Optional.of("authorises no CA");
            case IssueValue.Malformed malformed -> Optional.of("cannot be parsed (" + malformed.problem()
                    + "), so Let's Encrypt skips it");
            case IssueValue.Issuer issuer -> refusal(issuer);
        };
    }

    private Optional<String> refusal(IssueValue.Issuer issuer) {
        // Boulder compares the issuer exactly; DNS names are case-insensitive, so no one writes a mixed-case variant
        // expecting it to mean another CA. A trailing dot never matches: the grammar has none (RFC 8659 §4.2).
        if (!issuer.domain().equalsIgnoreCase(domain)) {
            return Optional.of("names " + issuer.domain() + ", not " + domain);
        }
        return accountRefusal(issuer.values("accounturi"))
                .or(() -> validationMethodRefusal(issuer.values("validationmethods")));
    }

    /** RFC 8657 §3: with an {@code accounturi}, the record authorises only that exact ACME account. */
    private Optional<String> accountRefusal(List<String> accountUris) {
        if (accountUris.isEmpty()) {
            return Optional.empty();
        }
        if (accountUris.size() > 1) {
            return Optional.of("has " + accountUris.size() + " accounturi parameters, which no account satisfies");
        }
        String required = accountUris.getFirst();
        if (accountUri.isEmpty()) {
            return Optional.of("is limited to ACME account " + required
                    + ", and the account that will request the certificate is not known to certguard");
        }
        return required.equals(accountUri.get()) ? Optional.empty()
                : Optional.of("is limited to ACME account " + required + ", not " + accountUri.get());
    }

    /**
     * RFC 8657 §4: with {@code validationmethods}, the record authorises only the listed methods. Several such
     * parameters in one record are left undefined by the RFC; Boulder treats the record as unsatisfiable, and so do
     * we.
     */
    private Optional<String> validationMethodRefusal(List<String> parameters) {
        if (parameters.isEmpty()) {
            return Optional.empty();
        }
        if (parameters.size() > 1) {
            return Optional.of("has " + parameters.size() + " validationmethods parameters, which Let's Encrypt "
                    + "treats as unsatisfiable");
        }
        String listed = parameters.getFirst();
        List<String> methods = List.of(listed.split(",", -1));
        if (!methods.stream().allMatch(m -> METHOD_LABEL.matcher(m).matches())) {
            return Optional.of("has a malformed validationmethods list \"" + listed + "\"");
        }
        if (validationMethod.isEmpty()) {
            return Optional.of("is limited to validation methods " + listed
                    + ", and the method that will be used is not known to certguard");
        }
        return methods.contains(validationMethod.get()) ? Optional.empty()
                : Optional.of("is limited to validation methods " + listed + ", not " + validationMethod.get());
    }
}
