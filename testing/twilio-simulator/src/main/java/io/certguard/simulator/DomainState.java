package io.certguard.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The live state of one simulated domain: its certificate, a replacement in validation, and the managed flags. Not
 * thread-safe; {@link LinkShorteningApi} guards every instance with its own lock.
 */
final class DomainState {

    /** The certificate Twilio serves. */
    private record LiveCertificate(String sid, Instant notAfter) {
    }

    /** An uploaded certificate in validation; {@code status} is "pending" until the plan reports another value. */
    private record Candidate(String sid, Instant notAfter, Instant uploadedAt, int pendingReads, String status) {
        static final String PENDING = "pending";

        boolean pending() {
            return status.equals(PENDING);
        }

        Candidate read() {
            return new Candidate(sid, notAfter, uploadedAt, pendingReads + 1, status);
        }

        Candidate reporting(String newStatus) {
            return new Candidate(sid, notAfter, uploadedAt, pendingReads, newStatus);
        }
    }

    private final SimulatedDomain config;
    private final String configSid = sid("ZK");
    private final Instant dateCreated;
    private LiveCertificate live;
    private Candidate candidate;
    private boolean managed;
    private boolean requesting;
    private Instant dateUpdated;
    private String lastAcceptedPem;

    DomainState(SimulatedDomain config, Instant now) {
        this.config = config;
        this.dateCreated = now;
        this.dateUpdated = now;
        this.live = config.certificateExpires().map(notAfter -> new LiveCertificate(sid("CW"), notAfter)).orElse(null);
        this.managed = config.managed();
        this.requesting = config.requesting();
    }

    boolean hasCertificate() {
        return live != null;
    }

    Optional<String> lastAcceptedPem() {
        return Optional.ofNullable(lastAcceptedPem);
    }

    /**
     * A Certificate GET: once the validation plan is due, the pending candidate meets its outcome; until then the read
     * is counted.
     */
    void observe(Instant now) {
        if (candidate == null || !candidate.pending()) {
            return;
        }
        ValidationPlan plan = config.validationPlan();
        boolean due = switch (plan) {
            case ValidationPlan.AfterReads reads -> candidate.pendingReads() >= reads.reads();
            case ValidationPlan.AfterDuration after -> !now.isBefore(candidate.uploadedAt().plus(after.duration()));
        };
        if (!due) {
            candidate = candidate.read();
            return;
        }
        switch (plan.outcome()) {
            case ValidationOutcome.Promote promote -> {
                live = new LiveCertificate(candidate.sid(), candidate.notAfter());
                candidate = null;
                // An uploaded certificate is the customer's own: v2 reports managed=false for it.
                managed = false;
                requesting = false;
                dateUpdated = now;
            }
            case ValidationOutcome.Drop drop -> candidate = null;
            case ValidationOutcome.ReportStatus report -> candidate = candidate.reporting(report.status());
        }
    }

    /** A good upload replaces any earlier candidate and starts a new validation. */
    void upload(TlsCertBundle bundle, String pem, Instant now) {
        candidate = new Candidate(sid("CW"), bundle.leaf().getNotAfter().toInstant(), now, 0, Candidate.PENDING);
        lastAcceptedPem = pem;
        dateUpdated = now;
    }

    /** RequestManagedCert: the spec's examples answer {@code managed: true, requesting: true}. */
    void requestManaged(Instant now) {
        managed = true;
        requesting = true;
        dateUpdated = now;
    }

    /** {@code messaging.v1.domain_cert_v4}, or {@code messaging.v2.domain_cert_v4} with {@code managed}/{@code requesting}. */
    Map<String, Object> certificateResource(String url, boolean v2) {
        Map<String, Object> json = certificateFields(url);
        json.put("cert_in_validation", candidate == null ? null : certInValidation());
        if (v2) {
            json.put("managed", managed);
            json.put("requesting", requesting);
        }
        return json;
    }

    /** {@code messaging.v1.request_managed_cert}. */
    Map<String, Object> managedCertResource(String url) {
        Map<String, Object> json = certificateFields(url);
        json.put("managed", managed);
        json.put("requesting", requesting);
        return json;
    }

    /** {@code messaging.v1.domain_config}; certguard sets no fallback or callback URL, so they are null. */
    Map<String, Object> configResource(String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain_sid", config.sid().value());
        json.put("config_sid", configSid);
        json.put("fallback_url", null);
        json.put("callback_url", null);
        json.put("continue_on_failure", config.continueOnFailure());
        json.put("disable_https", false);
        json.put("date_created", date(dateCreated));
        json.put("date_updated", date(dateCreated));
        json.put("url", url);
        return json;
    }

    /** {@code messaging.v1.domain_dns_validation}. */
    Map<String, Object> dnsValidationResource(String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain_sid", config.sid().value());
        json.put("is_valid", config.dnsValid());
        json.put("reason", config.dnsReason());
        json.put("url", url);
        return json;
    }

    /**
     * The fields shared by the certificate resources, in the order of Twilio's examples. Before the first certificate
     * goes live, {@code certificate_sid} is the candidate's and {@code date_expires} is null, as in the spec's 201
     * "create" example.
     */
    private Map<String, Object> certificateFields(String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("certificate_sid", live != null ? live.sid() : candidate != null ? candidate.sid() : null);
        json.put("domain_name", "https://" + config.hostname());
        json.put("domain_sid", config.sid().value());
        json.put("date_expires", live == null ? null : date(live.notAfter()));
        json.put("date_created", date(dateCreated));
        json.put("date_updated", date(dateUpdated));
        json.put("url", url);
        return json;
    }

    /** The one documented shape: {@code {"date_expires": "…", "status": "pending"}}. */
    private Map<String, Object> certInValidation() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date_expires", date(candidate.notAfter()));
        json.put("status", candidate.status());
        return json;
    }

    /** Twilio writes ISO 8601 UTC to the second, e.g. {@code 2021-02-06T18:02:04Z}. */
    private static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A Twilio SID: two-letter prefix and 32 hex digits. */
    private static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
