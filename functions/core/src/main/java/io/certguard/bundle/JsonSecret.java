package io.certguard.bundle;

import io.certguard.domain.DomainSid;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The members of a JSON bundle secret: {@code certificate}, {@code chain} (or {@code certificateChain}),
 * {@code privateKey}, {@code privateKeyPassphrase}, {@code domainSid}. Names are matched ignoring case, so the names
 * of ACM's ExportCertificate response ({@code Certificate}, {@code CertificateChain}, {@code PrivateKey}) work as
 * they are; other members are ignored.
 *
 * @param pemMembers       the PEM texts by the member name as the secret spells it, in reading order: certificate,
 *                         chain, key
 * @param canonicalNames   for each entry of {@code pemMembers}, the canonical name ({@code certificate}, {@code chain}
 *                         or {@code privateKey})
 * @param malformedMembers canonical names of members present with a value of the wrong type
 * @param memberNames      every member name of the object, for messages
 */
record JsonSecret(Map<String, String> pemMembers, Map<String, String> canonicalNames, Optional<String> passphrase,
                  Optional<DomainSid> domainSid, Set<String> malformedMembers, List<String> memberNames,
                  List<Finding> problems) {

    /** Lower-case member name → the canonical name it stands for. */
    private static final Map<String, String> CANONICAL = Map.of(
            "certificate", "certificate",
            "chain", "chain",
            "certificatechain", "chain",
            "privatekey", "privateKey",
            "privatekeypassphrase", "privateKeyPassphrase",
            "domainsid", "domainSid");
    private static final List<String> PEM_MEMBERS = List.of("certificate", "chain", "privateKey");

    JsonSecret {
        pemMembers = Collections.unmodifiableMap(new LinkedHashMap<>(pemMembers));
        canonicalNames = Map.copyOf(canonicalNames);
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(domainSid, "domainSid");
        malformedMembers = Set.copyOf(malformedMembers);
        memberNames = List.copyOf(memberNames);
        problems = List.copyOf(problems);
    }

    static JsonSecret of(JsonObject object) {
        List<Finding> problems = new ArrayList<>();
        Set<String> malformed = new LinkedHashSet<>();
        Map<String, String> spelled = new LinkedHashMap<>(); // canonical → the name as the secret spells it
        for (String name : object.asMap().keySet()) {
            String canonical = CANONICAL.get(name.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                continue;
            }
            String earlier = spelled.putIfAbsent(canonical, name);
            if (earlier != null) {
                problems.add(Finding.of(FindingCode.JSON_MALFORMED, "the JSON secret has both \"" + earlier
                        + "\" and \"" + name + "\", which name the same member; keep one"));
            }
        }
        Map<String, String> pem = new LinkedHashMap<>();
        Map<String, String> canonicalNames = new LinkedHashMap<>();
        for (String canonical : PEM_MEMBERS) {
            String name = spelled.get(canonical);
            if (name != null) {
                string(object, name, canonical, malformed, problems).filter(value -> !value.isBlank()).ifPresent(value -> {
                    pem.put(name, value);
                    canonicalNames.put(name, canonical);
                });
            }
        }
        Optional<String> passphrase = Optional.ofNullable(spelled.get("privateKeyPassphrase"))
                .flatMap(name -> string(object, name, "privateKeyPassphrase", malformed, problems))
                .filter(value -> !value.isEmpty());
        Optional<DomainSid> domainSid = Optional.ofNullable(spelled.get("domainSid"))
                .flatMap(name -> string(object, name, "domainSid", malformed, problems)
                        .flatMap(value -> domainSid(name, value, problems)));
        return new JsonSecret(pem, canonicalNames, passphrase, domainSid, malformed,
                List.copyOf(object.asMap().keySet()), problems);
    }

    private static Optional<String> string(JsonObject object, String name, String canonical, Set<String> malformed,
                                           List<Finding> problems) {
        Optional<Object> value = object.raw(name);
        if (value.isEmpty() || value.get() instanceof String) {
            return value.map(String.class::cast);
        }
        String type = Json.typeName(value.get());
        malformed.add(canonical);
        problems.add(Finding.of(FindingCode.JSON_MALFORMED, "\"" + name + "\" in the JSON secret must be a string, not "
                + (type.equals("object") || type.equals("array") ? "an " : "a ") + type));
        return Optional.empty();
    }

    private static Optional<DomainSid> domainSid(String name, String value, List<Finding> problems) {
        if (DomainSid.isValid(value.strip())) {
            return Optional.of(DomainSid.of(value));
        }
        problems.add(Finding.of(FindingCode.JSON_MALFORMED, "\"" + name + "\" in the JSON secret is not a Twilio"
                + " domain SID (DN followed by 32 hex digits)"));
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "JsonSecret[members " + memberNames + ", values redacted]";
    }
}
