package io.certguard.cli.scan;

import io.certguard.cli.Text;
import io.certguard.scan.CaaStatus;
import io.certguard.scan.CheckFailure;
import io.certguard.scan.DomainObservation;
import io.certguard.scan.DomainResult;
import io.certguard.scan.LiveStatus;
import io.certguard.scan.ScanSummary;
import io.certguard.twilio.CertInValidation;
import io.certguard.twilio.DomainCertificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan's result for people (a small table per domain) and for programs
 * ({@code {"domains":[…],"alarms":[{"alarmType","severity","errorCode","domain","domainSid","subject","sms"}]}}).
 */
public final class ScanView {

    private static final int WIDTH = 100;
    private static final String LABEL = "  %-18s ";

    private ScanView() {
    }

    /** How far the check of a domain got, in words. */
    static String outcome(DomainResult result) {
        return switch (result.outcome()) {
            case CHECKED -> "checked";
            case FAILED -> "some checks failed";
            case NOT_REACHED -> "not reached";
        };
    }

    public static Map<String, Object> json(ScanSummary summary, List<PublishedAlarm> alarms, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domains", summary.domains().stream().map(d -> domainJson(d, now)).toList());
        json.put("alarms", alarms.stream().map(PublishedAlarm::json).toList());
        return json;
    }

    private static Map<String, Object> domainJson(DomainResult result, Instant now) {
        Optional<DomainObservation> o = result.observation();
        Optional<DomainCertificate> certificate = o.flatMap(DomainObservation::certificate);
        Optional<LiveStatus> live = o.flatMap(DomainObservation::live);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domainSid", result.sid().value());
        json.put("host", result.host());
        json.put("outcome", result.outcome().name());
        json.put("twilioDaysLeft", result.daysLeft().orElse(null));
        json.put("twilioExpires", certificate.flatMap(DomainCertificate::dateExpires).map(Instant::toString).orElse(null));
        json.put("liveDaysLeft", live.map(l -> Text.daysLeft(now, l.leafNotAfter())).orElse(null));
        json.put("liveExpires", live.map(l -> l.leafNotAfter().toString()).orElse(null));
        json.put("liveVerified", live.map(LiveStatus::verified).orElse(null));
        json.put("liveVerificationError", live.flatMap(LiveStatus::verificationError).orElse(null));
        json.put("managed", certificate.flatMap(DomainCertificate::managed).orElse(null));
        json.put("managedRequestInProgress", certificate.flatMap(DomainCertificate::requesting).orElse(null));
        json.put("certInValidation", certificate.flatMap(DomainCertificate::certInValidation)
                .map(CertInValidation::rawStatus).orElse(null));
        json.put("uploadInFlight", o.map(DomainObservation::uploadInFlight).orElse(null));
        json.put("dnsValid", o.flatMap(DomainObservation::dnsValid).orElse(null));
        json.put("caa", o.flatMap(DomainObservation::caa).map(c -> c.kind().name()).orElse(null));
        json.put("caaDetail", o.flatMap(DomainObservation::caa).map(CaaStatus::detail).orElse(null));
        json.put("continueOnFailure", o.flatMap(DomainObservation::continueOnFailure).orElse(null));
        json.put("alarmsPublished", result.alarmsPublished());
        json.put("alarmsPending", result.alarmsPending());
        List<Object> failures = new ArrayList<>();
        for (CheckFailure f : result.failures()) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("part", f.part().name());
            failure.put("message", f.message());
            failures.add(failure);
        }
        json.put("failures", failures);
        return json;
    }

    /** One block per domain, then a summary line. */
    public static String human(ScanSummary summary, List<PublishedAlarm> alarms, Instant now) {
        StringBuilder text = new StringBuilder();
        for (DomainResult result : summary.domains()) {
            text.append(domain(result, alarms, now)).append('\n');
        }
        text.append(Text.count(summary.domains().size(), "domain")).append(" as at ").append(Text.utc(now)).append(": ")
                .append(summary.count(DomainResult.Outcome.CHECKED)).append(" checked, ")
                .append(summary.count(DomainResult.Outcome.FAILED)).append(" with failed checks, ")
                .append(summary.count(DomainResult.Outcome.NOT_REACHED)).append(" not reached; ")
                .append(Text.count(summary.alarmsPublished(), "alarm")).append(" sent");
        if (summary.alarmsPending() > 0) {
            text.append(", ").append(summary.alarmsPending()).append(" kept for the next run (publishing failed)");
        }
        return text.append('\n').toString();
    }

    static String domain(DomainResult result, List<PublishedAlarm> alarms, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append(result.host()).append(" (").append(result.sid()).append("): ").append(outcome(result)).append('\n');
        Optional<DomainObservation> observation = result.observation();
        if (observation.isPresent()) {
            DomainObservation o = observation.get();
            row(text, "days left", daysLeft(result, o, now));
            row(text, "certificate", certificate(o));
            row(text, "validation", validation(o));
            row(text, "DNS at Twilio", o.dnsValid().map(v -> v ? "valid" : "INVALID"
                    + o.dnsReason().filter(r -> !r.isBlank()).map(r -> " (" + r + ")").orElse("")).orElse("unknown"));
            row(text, "CAA", o.caa().map(c -> c.kind() + ": " + c.detail()).orElse("not checked"));
            row(text, "ContinueOnFailure", o.continueOnFailure().map(c -> c
                    ? "ON: if the certificate expires, messages go out with long links" : "off").orElse("unknown"));
        }
        List<String> subjects = alarms.stream().filter(a -> a.attribute("domain_sid").equals(result.sid().value()))
                .map(a -> a.message().subject()).toList();
        row(text, "alarms", subjects.isEmpty() ? "none new" : String.join("\n" + LABEL.formatted(""), subjects));
        if (result.alarmsPending() > 0) {
            row(text, "", result.alarmsPending() + " kept for the next run (publishing failed)");
        }
        // A failing state file fails two parts of the same domain's check with one message: show it once.
        for (CheckFailure f : result.failures().stream().distinct().toList()) {
            row(text, "failed check", f.part() + ": " + f.message());
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String label, String value) {
        String indent = " ".repeat(LABEL.formatted("").length());
        text.append(LABEL.formatted(label)).append(value.contains("\n") ? value
                : Text.wrap(value, WIDTH - indent.length(), indent)).append('\n');
    }

    private static String daysLeft(DomainResult result, DomainObservation o, Instant now) {
        String twilio = "Twilio " + result.daysLeft().map(String::valueOf).orElse("?")
                + o.certificate().flatMap(DomainCertificate::dateExpires).map(e -> " (" + Text.utc(e) + ")").orElse("");
        String live = o.live().map(l -> "live " + Text.daysLeft(now, l.leafNotAfter()) + " ("
                + (l.verified() ? "verified" : "NOT verified: " + l.verificationError().orElse("unknown reason")) + ")")
                .orElse("live ? (not reached)");
        return twilio + ", " + live;
    }

    private static String certificate(DomainObservation o) {
        if (o.certificate().isEmpty()) {
            return "unknown (Twilio could not be read)";
        }
        DomainCertificate c = o.certificate().get();
        return c.managed().map(managed -> managed
                ? "Twilio-managed (Let's Encrypt)" + (c.requesting().orElse(false) ? ", a request is in progress" : "")
                : "customer-managed (uploaded)").orElse("unknown (Twilio's v1 API does not say)");
    }

    private static String validation(DomainObservation o) {
        Optional<CertInValidation> inValidation = o.certificate().flatMap(DomainCertificate::certInValidation);
        if (inValidation.isPresent()) {
            CertInValidation v = inValidation.get();
            return "a replacement is being validated by Twilio (status " + v.rawStatus()
                    + v.dateExpires().map(e -> ", expires " + Text.utc(e)).orElse("") + ")";
        }
        return o.uploadInFlight() ? "an upload by certguard is being validated" : "none in progress";
    }
}
