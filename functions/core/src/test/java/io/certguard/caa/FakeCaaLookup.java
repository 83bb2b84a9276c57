package io.certguard.caa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * In-memory CAA data for one scenario: names without an entry answer NOERROR with no records. Records each name asked
 * so tests can check which names were (and were not) queried.
 */
final class FakeCaaLookup implements CaaLookup {

    private final Map<String, Function<String, NameLookup>> answers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    static FakeCaaLookup dns() {
        return new FakeCaaLookup();
    }

    FakeCaaLookup caa(String name, CaaRecord... records) {
        return answer(name, n -> new NameLookup.Found(n, n, List.of(records)));
    }

    /** {@code name} is a CNAME whose target {@code owner} holds the records. */
    FakeCaaLookup caaVia(String name, String owner, CaaRecord... records) {
        return answer(name, n -> new NameLookup.Found(n, owner, List.of(records)));
    }

    FakeCaaLookup nxDomain(String name) {
        return answer(name, n -> new NameLookup.Empty(n, true));
    }

    FakeCaaLookup failing(String name, LookupFailure failure) {
        return answer(name, n -> new NameLookup.Failed(n, failure, "scripted " + failure + " for " + n));
    }

    private FakeCaaLookup answer(String name, Function<String, NameLookup> answer) {
        answers.put(name, answer);
        return this;
    }

    @Override
    public NameLookup lookup(String name) {
        asked.add(name);
        return answers.getOrDefault(name, n -> new NameLookup.Empty(n, false)).apply(name);
    }

    /** Every candidate of {@code host} looked up, as a resolver querying all names in parallel would. */
    List<NameLookup> lookupsFor(String host) {
        return CaaNames.candidates(host).stream().map(this::lookup).toList();
    }

    List<String> asked() {
        return List.copyOf(asked);
    }

    static CaaRecord issue(String value) {
        return new CaaRecord(0, "issue", value);
    }

    static CaaRecord issuewild(String value) {
        return new CaaRecord(0, "issuewild", value);
    }

    static CaaRecord caaRecord(int flags, String tag, String value) {
        return new CaaRecord(flags, tag, value);
    }
}
