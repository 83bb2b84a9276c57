package io.certguard.scan;

import io.certguard.json.Json;
import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the scan remembers about one domain between runs: the certificate Twilio reported last, the alarms sent per
 * certificate and per open condition, and the run of consecutive failed checks. Contains nothing that changes on
 * every run, so a steady state writes nothing. Stored as JSON in the domain's state record.
 *
 * @param certificate          identity of the certificate Twilio reported last
 * @param certificateExpires   its {@code date_expires}
 * @param certificates         alarms sent per certificate identity, most recent last, at most {@link #MAX_CERTIFICATES}
 * @param conditions           open conditions already alarmed (key → when)
 * @param consecutiveFailures  runs in a row in which a part of the check failed
 * @param checkFailedAlarmed   CHECK_FAILED was sent for the current run of failures
 * @param requestingSince      when Twilio's managed-certificate request was first seen in progress
 */
public record DomainState(
        Optional<String> certificate,
        Optional<Instant> certificateExpires,
        Map<String, CertificateAlarms> certificates,
        Map<String, Instant> conditions,
        int consecutiveFailures,
        boolean checkFailedAlarmed,
        Optional<Instant> requestingSince) {

    /** Certificates remembered per domain: enough to ride out a CDN alternating between a few certificates. */
    public static final int MAX_CERTIFICATES = 8;

    public static final DomainState EMPTY = new DomainState(Optional.empty(), Optional.empty(), Map.of(), Map.of(), 0,
            false, Optional.empty());

    public DomainState {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(certificateExpires, "certificateExpires");
        Objects.requireNonNull(requestingSince, "requestingSince");
        certificates = bounded(certificates);
        conditions = Map.copyOf(conditions);
    }

    public CertificateAlarms alarmsFor(String certificateIdentity) {
        return certificates.getOrDefault(certificateIdentity, CertificateAlarms.NONE);
    }

    public DomainState withCertificateAlarms(String identity, CertificateAlarms alarms) {
        Map<String, CertificateAlarms> next = new LinkedHashMap<>(certificates);
        next.remove(identity); // re-insert last: most recently touched survives the bound
        next.put(identity, alarms);
        return new DomainState(certificate, certificateExpires, next, prunedConditions(next, conditions),
                consecutiveFailures, checkFailedAlarmed, requestingSince);
    }

    public DomainState withCondition(String key, Instant at) {
        Map<String, Instant> next = new LinkedHashMap<>(conditions);
        next.put(key, at);
        return new DomainState(certificate, certificateExpires, certificates, next, consecutiveFailures,
                checkFailedAlarmed, requestingSince);
    }

    public DomainState withoutCondition(String key) {
        Map<String, Instant> next = new LinkedHashMap<>(conditions);
        next.remove(key);
        return new DomainState(certificate, certificateExpires, certificates, next, consecutiveFailures,
                checkFailedAlarmed, requestingSince);
    }

    public DomainState withCurrentCertificate(String identity, Optional<Instant> expires) {
        return new DomainState(Optional.of(identity), expires, certificates, conditions, consecutiveFailures,
                checkFailedAlarmed, requestingSince);
    }

    public DomainState withFailures(int count, boolean alarmed) {
        return new DomainState(certificate, certificateExpires, certificates, conditions, count, alarmed, requestingSince);
    }

    public DomainState withRequestingSince(Optional<Instant> since) {
        return new DomainState(certificate, certificateExpires, certificates, conditions, consecutiveFailures,
                checkFailedAlarmed, since);
    }

    private static Map<String, CertificateAlarms> bounded(Map<String, CertificateAlarms> certificates) {
        Map<String, CertificateAlarms> copy = new LinkedHashMap<>(certificates);
        var it = copy.keySet().iterator();
        while (copy.size() > MAX_CERTIFICATES && it.hasNext()) {
            it.next();
            it.remove();
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Conditions tied to a certificate ({@code TYPE|identity|…}) go when that certificate is forgotten. */
    private static Map<String, Instant> prunedConditions(Map<String, CertificateAlarms> kept, Map<String, Instant> conditions) {
        Map<String, CertificateAlarms> bounded = bounded(kept);
        Map<String, Instant> next = new LinkedHashMap<>();
        conditions.forEach((key, at) -> {
            String[] parts = key.split("\\|", 3);
            if (parts.length < 2 || bounded.containsKey(parts[1])) {
                next.put(key, at);
            }
        });
        return next;
    }

    // ---- JSON form, stored in the state record's "scan" attribute ----

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        certificate.ifPresent(c -> json.put("certificate", c));
        certificateExpires.ifPresent(e -> json.put("certificateExpires", e.toString()));
        Map<String, Object> certs = new LinkedHashMap<>();
        certificates.forEach((id, alarms) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            alarms.lowestThresholdSent().ifPresent(t -> a.put("threshold", t));
            alarms.lastExpiredNotice().ifPresent(t -> a.put("expiredNotice", t.toString()));
            if (alarms.resolvedSent()) {
                a.put("resolved", true);
            }
            certs.put(id, a);
        });
        json.put("certificates", certs);
        Map<String, Object> conds = new LinkedHashMap<>();
        conditions.forEach((k, v) -> conds.put(k, v.toString()));
        json.put("conditions", conds);
        json.put("consecutiveFailures", consecutiveFailures);
        json.put("checkFailedAlarmed", checkFailedAlarmed);
        requestingSince.ifPresent(r -> json.put("requestingSince", r.toString()));
        return Json.write(json);
    }

    /**
     * @throws JsonFormatException naming the member that is wrong (a corrupted record is reported, not ignored)
     */
    public static DomainState fromJson(String text) {
        JsonObject json = Json.parseObject(text);
        Map<String, CertificateAlarms> certs = new LinkedHashMap<>();
        JsonObject certObject = json.optionalObject("certificates").orElse(JsonObject.of(Map.of()));
        for (String id : certObject.asMap().keySet()) {
            JsonObject a = certObject.object(id);
            OptionalInt threshold = a.optionalNumber("threshold").map(n -> OptionalInt.of(n.intValueExact()))
                    .orElse(OptionalInt.empty());
            certs.put(id, new CertificateAlarms(threshold, a.optionalInstant("expiredNotice"),
                    a.optionalBoolean("resolved").orElse(false)));
        }
        Map<String, Instant> conds = new LinkedHashMap<>();
        JsonObject condObject = json.optionalObject("conditions").orElse(JsonObject.of(Map.of()));
        for (String key : condObject.asMap().keySet()) {
            conds.put(key, condObject.optionalInstant(key).orElseThrow());
        }
        return new DomainState(json.optionalString("certificate"), json.optionalInstant("certificateExpires"), certs,
                conds, json.optionalNumber("consecutiveFailures").map(BigDecimal::intValueExact).orElse(0),
                json.optionalBoolean("checkFailedAlarmed").orElse(false), json.optionalInstant("requestingSince"));
    }

    /** Identities of the remembered certificates, oldest first. */
    public List<String> rememberedCertificates() {
        return List.copyOf(certificates.keySet());
    }
}
