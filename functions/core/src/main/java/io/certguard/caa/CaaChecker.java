package io.certguard.caa;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a host's CAA records for one CA: looks up the names from the host up to its TLD through {@link CaaLookup}
 * and lets {@link CaaEvaluator} decide.
 *
 * <p>Names are looked up one at a time, closest first, stopping at the first name with records or the first failure,
 * because nothing above either can change the decision (RFC 8659 §3). Boulder queries every name in parallel to keep
 * within an RPC deadline; here a host has few names, most checks stop after one to three queries, the scan already
 * checks domains concurrently, and each query's wait is bounded by the lookup, so the sequential walk costs little
 * and never queries a name it does not need.
 */
public final class CaaChecker {

    /** The issuer domain name Let's Encrypt recognises in CAA records. */
    public static final String LETS_ENCRYPT = "letsencrypt.org";

    private final CaaLookup lookup;
    private final String issuerDomain;
    private final Optional<String> accountUri;
    private final Optional<String> validationMethod;

    /**
     * @param issuerDomain     the CA's issuer domain name, e.g. {@link #LETS_ENCRYPT}
     * @param accountUri       the ACME account that will request the certificate, when known (RFC 8657 §3)
     * @param validationMethod the ACME validation method that will be used, when known (RFC 8657 §4)
     */
    public CaaChecker(CaaLookup lookup, String issuerDomain, Optional<String> accountUri,
            Optional<String> validationMethod) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.issuerDomain = Objects.requireNonNull(issuerDomain, "issuerDomain");
        this.accountUri = Objects.requireNonNull(accountUri, "accountUri");
        this.validationMethod = Objects.requireNonNull(validationMethod, "validationMethod");
    }

    /**
     * Whether Let's Encrypt may issue, as for a Twilio-managed certificate: Twilio's ACME account and validation
     * method are not published, so a record restricting either cannot be shown to allow Twilio and counts against it.
     */
    public static CaaChecker forLetsEncrypt(CaaLookup lookup) {
        return new CaaChecker(lookup, LETS_ENCRYPT, Optional.empty(), Optional.empty());
    }

    /**
     * @param host     the host name (see {@link CaaNames#candidates(String)})
     * @param wildcard check for {@code *.host} instead of {@code host}
     * @throws IllegalArgumentException when the host is not a valid DNS name
     */
    public CaaCheck check(String host, boolean wildcard) {
        List<NameLookup> lookups = new ArrayList<>();
        for (String name : CaaNames.candidates(host)) {
            NameLookup result = Objects.requireNonNull(lookup.lookup(name), "lookup result");
            lookups.add(result);
            if (!(result instanceof NameLookup.Empty)) {
                break;
            }
        }
        CaaDecision decision = CaaEvaluator.evaluate(host, wildcard, issuerDomain, accountUri, validationMethod,
                lookups);
        return new CaaCheck(host, wildcard, decision, lookups);
    }
}
