package io.certguard.cli.caa;

import io.certguard.caa.CaaCheck;
import io.certguard.caa.CaaDecision;
import io.certguard.caa.CaaRecord;
import io.certguard.caa.NameLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CAA check for people and programs: the decision, the name whose CAA RRset decided it, that RRset whole, and why.
 */
public final class CaaView {

    private CaaView() {
    }

    /** The decision's name: PERMITTED, DENIED or INDETERMINATE. */
    public static String decision(CaaDecision decision) {
        return switch (decision) {
            case CaaDecision.Permitted p -> "PERMITTED";
            case CaaDecision.Denied d -> "DENIED";
            case CaaDecision.Indeterminate i -> "INDETERMINATE";
        };
    }

    /** The name whose RRset decided; empty when no name has CAA records or the lookup failed. */
    public static Optional<String> foundAt(CaaDecision decision) {
        return switch (decision) {
            case CaaDecision.Permitted p -> p.caaRecordsFound() ? Optional.of(p.foundAt()) : Optional.empty();
            case CaaDecision.Denied d -> Optional.of(d.foundAt());
            case CaaDecision.Indeterminate i -> Optional.empty();
        };
    }

    /** The whole CAA RRset at {@link #foundAt} (RFC 8659's Relevant RRset), as the resolver returned it. */
    public static List<CaaRecord> records(CaaCheck check) {
        Optional<String> at = foundAt(check.decision());
        return check.lookups().stream()
                .filter(l -> l instanceof NameLookup.Found found && at.isPresent() && found.name().equals(at.get()))
                .findFirst().map(l -> ((NameLookup.Found) l).records()).orElse(List.of());
    }

    /** Why, in one sentence. */
    public static String reason(CaaCheck check, String issuer) {
        return switch (check.decision()) {
            case CaaDecision.Permitted p when !p.caaRecordsFound() -> "no CAA records at " + check.host()
                    + " or any parent up to its top-level domain, so any CA may issue";
            case CaaDecision.Permitted p when p.relevant().isEmpty() -> "the CAA records at " + p.foundAt()
                    + " have no " + (check.wildcard() ? "issuewild or " : "") + "issue record, so they do not restrict"
                    + " issuance";
            case CaaDecision.Permitted p -> "the CAA records at " + p.foundAt() + " authorise " + issuer + ": "
                    + p.relevant().stream().map(CaaRecord::toString).collect(Collectors.joining(", "));
            case CaaDecision.Denied d -> d.reason();
            case CaaDecision.Indeterminate i -> "the CAA records of " + i.name() + " could not be learned (" + i.error()
                    + "); the CA refuses to issue until they can";
        };
    }

    /** {@code {"decision","foundAt","records":[{"flags","tag","value"}],"reason"}}. */
    public static Map<String, Object> json(CaaCheck check, String issuer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("decision", decision(check.decision()));
        json.put("foundAt", foundAt(check.decision()).orElse(null));
        List<Object> records = new ArrayList<>();
        for (CaaRecord r : records(check)) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("flags", r.flags());
            record.put("tag", r.tag());
            record.put("value", r.value());
            records.add(record);
        }
        json.put("records", records);
        json.put("reason", reason(check, issuer));
        return json;
    }

    static String human(CaaCheck check, String issuer) {
        StringBuilder text = new StringBuilder();
        String verdict = switch (check.decision()) {
            case CaaDecision.Permitted p -> issuer + " may issue";
            case CaaDecision.Denied d -> issuer + " may NOT issue";
            case CaaDecision.Indeterminate i -> "cannot tell whether " + issuer + " may issue";
        };
        text.append(check.host()).append(": ").append(verdict).append(" (").append(decision(check.decision()))
                .append(")\n");
        foundAt(check.decision()).ifPresent(at -> {
            text.append("CAA records at ").append(at).append(":\n");
            records(check).forEach(r -> text.append("  ").append(r).append('\n'));
        });
        text.append("Reason: ").append(reason(check, issuer)).append('\n');
        text.append("Names queried: ").append(String.join(", ", check.queriedNames())).append('\n');
        return text.toString();
    }
}
