package io.certguard.caa;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, from the CAA records found per name, whether a CA may issue for a host: RFC 8659 (with RFC 8657's
 * {@code accounturi} and {@code validationmethods}) as Let's Encrypt's Boulder applies it. Pure: no lookups, no clock.
 */
public final class CaaEvaluator {

    private CaaEvaluator() {
    }

    /**
     * @param host                   the host, as {@link CaaNames#candidates(String)} accepts it (no {@code *.})
     * @param wildcard               the certificate is for {@code *.host}
     * @param issuerDomain           the CA's issuer domain name, e.g. {@code letsencrypt.org}
     * @param accountUri             the ACME account that will request the certificate, when known
     * @param validationMethod       the ACME validation method that will be used, when known
     * @param lookupsFromHostUpToTld one lookup per name of {@code CaaNames.candidates(host)}, in that order; the list
     *                               may stop after the first non-empty or failed lookup, since nothing above it
     *                               matters
     * @throws IllegalArgumentException when the lookups are not for those names, or stop before the decision is known
     */
    public static CaaDecision evaluate(String host, boolean wildcard, String issuerDomain, Optional<String> accountUri,
            Optional<String> validationMethod, List<NameLookup> lookupsFromHostUpToTld) {
        CaaIssuer issuer = new CaaIssuer(issuerDomain, accountUri, validationMethod);
        List<String> names = CaaNames.candidates(host);
        Objects.requireNonNull(lookupsFromHostUpToTld, "lookupsFromHostUpToTld");
        // RFC 8659 §3: the Relevant RRset is the CAA RRset of the closest name, climbing from the host towards (not
        // including) the root, that has one. A lookup that failed on the way might have hidden that RRset, so the
        // answer is "cannot tell", never "permitted" (Boulder does the same).
        for (int i = 0; i < lookupsFromHostUpToTld.size(); i++) {
            NameLookup lookup = lookupsFromHostUpToTld.get(i);
            requireExpectedName(names, i, lookup);
            boolean tld = i == names.size() - 1;
            switch (lookup) {
                case NameLookup.Failed failed -> {
                    return new CaaDecision.Indeterminate(failed.name(), failed.failure() + ": " + failed.message());
                }
                case NameLookup.Found found -> {
                    return decide(found, wildcard, issuer);
                }
                case NameLookup.Empty empty when empty.nxDomain() && tld -> {
                    // An existing TLD never answers NXDOMAIN. Boulder refuses to treat it as "no records" so it
                    // cannot issue under a TLD that has been removed from the root zone.
                    return new CaaDecision.Indeterminate(empty.name(), "NXDOMAIN for the top-level domain "
                            + empty.name() + ": it does not exist, so no CA will issue under it");
                }
                case NameLookup.Empty empty -> {
                    // RFC 8659 §3: no CAA RRset here (NODATA, or NXDOMAIN below the TLD); climb on.
                }
            }
        }
        if (lookupsFromHostUpToTld.size() < names.size()) {
            throw new IllegalArgumentException("the lookups for " + host + " end at "
                    + (lookupsFromHostUpToTld.isEmpty() ? "nothing" : lookupsFromHostUpToTld.getLast().name())
                    + " without a record or a failure; the names above (" + names.get(lookupsFromHostUpToTld.size())
                    + " up to the TLD) must be looked up too");
        }
        return CaaDecision.Permitted.noCaaRecords();
    }

    /** Applies the Relevant RRset found at {@code found.name()} (RFC 8659 §4). */
    private static CaaDecision decide(NameLookup.Found found, boolean wildcard, CaaIssuer issuer) {
        String where = found.owner().equals(found.name()) ? found.name()
                : found.name() + " (held by its alias target " + found.owner() + ")";
        List<CaaRecord> records = found.records();

        // RFC 8659 §4.1: a critical property the CA does not understand forbids issuance by that CA.
        List<CaaRecord> criticalUnknown = records.stream()
                .filter(r -> r.property() == CaaProperty.UNKNOWN && r.isCritical()).toList();
        if (!criticalUnknown.isEmpty()) {
            CaaRecord first = criticalUnknown.getFirst();
            return new CaaDecision.Denied(found.name(), criticalUnknown, Optional.of(first), "the CAA record " + first
                    + " at " + where + " has a property Let's Encrypt does not know, marked critical, which forbids"
                    + " issuance by any CA that does not understand it");
        }

        List<CaaRecord> issue = withProperty(records, CaaProperty.ISSUE);
        List<CaaRecord> issuewild = withProperty(records, CaaProperty.ISSUEWILD);
        // RFC 8659 §4.3: issuewild is ignored for a name that is not a wildcard; for a wildcard name, issuewild
        // records, when there are any, replace the issue records.
        boolean useIssuewild = wildcard && !issuewild.isEmpty();
        List<CaaRecord> relevant = useIssuewild ? issuewild : issue;
        if (relevant.isEmpty()) {
            // Only iodef, issuemail, issuevmc, non-critical unknown properties, or issuewild for a plain name: none of
            // them restricts issuance of this certificate (RFC 8659 §4.2 restricts only through issue properties).
            return new CaaDecision.Permitted(found.name(), List.of());
        }

        List<String> refusals = new ArrayList<>(relevant.size());
        for (CaaRecord record : relevant) {
            Optional<String> refusal = issuer.refusal(record);
            if (refusal.isEmpty()) {
                return new CaaDecision.Permitted(found.name(), relevant);
            }
            refusals.add(record + " " + refusal.get());
        }
        String property = useIssuewild ? "issuewild" : "issue";
        return new CaaDecision.Denied(found.name(), relevant,
                relevant.size() == 1 ? Optional.of(relevant.getFirst()) : Optional.empty(),
                "no " + property + " record at " + where + " authorises " + issuer.domain() + ": "
                        + String.join("; ", refusals));
    }

    private static List<CaaRecord> withProperty(List<CaaRecord> records, CaaProperty property) {
        return records.stream().filter(r -> r.property() == property).toList();
    }

    private static void requireExpectedName(List<String> names, int index, NameLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        if (index >= names.size()) {
            throw new IllegalArgumentException("lookup " + (index + 1) + " (" + lookup.name()
                    + ") is above the TLD; expected only " + names);
        }
        if (!names.get(index).equals(lookup.name())) {
            throw new IllegalArgumentException("lookup " + (index + 1) + " is for " + lookup.name() + ", expected "
                    + names.get(index) + " (the names, in order, are " + names + ")");
        }
    }
}
