package io.certguard.scan;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmText;
import io.certguard.alarm.AlarmType;
import io.certguard.twilio.DomainCertificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders scan alarms for people: a subject, a full email with the facts and the remedy's steps, a one-segment SMS,
 * and the message attributes subscriptions filter on. Dates are UTC. No secret is ever part of an alarm.
 */
public final class ScanAlarmRenderer {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String DOCS_30131 = "https://www.twilio.com/docs/api/errors/30131";
    private static final String DOCS_30102 = "https://www.twilio.com/docs/api/errors/30102";
    private static final String DOCS_ONBOARDING = "https://www.twilio.com/docs/messaging/features/link-shortening/onboarding-guide";

    private final String certificateSecretPrefix;

    /** @param certificateSecretPrefix where certguard looks for replacement bundles (named in the upload steps) */
    public ScanAlarmRenderer(String certificateSecretPrefix) {
        this.certificateSecretPrefix = Objects.requireNonNull(certificateSecretPrefix, "certificateSecretPrefix");
    }

    public AlarmMessage render(ScanAlarm alarm) {
        DomainObservation o = alarm.observation();
        String summary = summary(alarm);
        String tag = alarm.type().errorCode().equals("none") ? alarm.type().name() : alarm.type().errorCode();
        String subject = AlarmText.subject("[" + tag + " " + alarm.severity() + "] " + AlarmText.host(o.host(), 50) + " "
                + summary);
        String email = email(alarm, summary);
        String sms = AlarmText.sms(tag + " " + AlarmText.host(o.host(), 40) + ": " + summary + ". " + smsAction(alarm));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("error_code", alarm.type().errorCode());
        attributes.put("alarm_type", alarm.type().name());
        attributes.put("severity", alarm.severity().name());
        attributes.put("domain", o.host());
        attributes.put("domain_sid", o.sid().value());
        return new AlarmMessage(subject, subject + "\n\n" + email, email, sms, attributes);
    }

    /** The one-line gist, e.g. "certificate expires in 14 days". */
    static String summary(ScanAlarm alarm) {
        long days = alarm.daysLeft().orElse(0L);
        return switch (alarm.type()) {
            case EXPIRING, NO_REPLACEMENT -> "certificate expires " + inDays(days);
            case EXPIRED -> "certificate EXPIRED" + (days < -1 ? " over " + (-days - 1) + (days == -2 ? " day" : " days") + " ago" : "") + " - links are failing";
            case CAA_BLOCKS_RENEWAL -> "CAA blocks renewal, expires " + inDays(days);
            case RENEWAL_STUCK -> "managed renewal stuck, expires " + inDays(days);
            case LIVE_CERT_MISMATCH -> "serves a different certificate than Twilio reports";
            case DNS_INVALID -> "DNS does not validate at Twilio";
            case CONTINUE_ON_FAILURE -> "ContinueOnFailure is on";
            case CHECK_FAILED -> "could not be checked " + alarm.consecutiveFailures() + " runs in a row";
            case RESOLVED -> alarm.previousExpires().isPresent()
                    ? "certificate renewed, now expires " + alarm.expires().map(DAY::format).orElse("?")
                    : "checks succeed again";
            case UPLOAD_REJECTED, VALIDATION_FAILED, VALIDATION_TIMEOUT -> throw notAScanAlarm(alarm);
        };
    }

    private static String inDays(long days) {
        return days <= 0 ? "today" : days == 1 ? "in 1 day" : "in " + days + " days";
    }

    private static String smsAction(ScanAlarm alarm) {
        return switch (alarm.type()) {
            case RESOLVED -> "No action needed.";
            case CONTINUE_ON_FAILURE -> "Expiry would send long links.";
            case LIVE_CERT_MISMATCH -> "Check the served cert.";
            case DNS_INVALID -> "Fix DNS for Twilio.";
            case CHECK_FAILED -> "See the certguard logs.";
            case UPLOAD_REJECTED, VALIDATION_FAILED, VALIDATION_TIMEOUT -> throw notAScanAlarm(alarm);
            default -> switch (alarm.remedy()) {
                case UPLOAD_REPLACEMENT -> "Upload a replacement.";
                case ALLOW_LETSENCRYPT_IN_CAA -> "Allow letsencrypt.org in CAA.";
                case RENEWAL_STUCK -> "Contact Twilio support.";
                case VALIDATION_IN_PROGRESS -> "Replacement validating.";
                case TWILIO_RENEWS -> "Twilio renews it.";
            };
        };
    }

    private String email(ScanAlarm alarm, String summary) {
        DomainObservation o = alarm.observation();
        StringBuilder text = new StringBuilder();
        text.append(o.host()).append(": ").append(summary).append(".\n\n");
        text.append("Domain:            ").append(o.host()).append('\n');
        text.append("Domain SID:        ").append(o.sid()).append('\n');
        alarm.expires().ifPresent(e -> text.append("Expires:           ").append(UTC.format(e))
                .append(alarm.daysLeft().map(d -> " (" + (d < 0 ? "expired" : d + " days left") + ")").orElse("")).append('\n'));
        alarm.previousExpires().ifPresent(p -> text.append("Previous expiry:   ").append(UTC.format(p)).append('\n'));
        o.certificate().flatMap(DomainCertificate::certificateSid)
                .ifPresent(sid -> text.append("Certificate SID:   ").append(sid).append('\n'));
        text.append("Managed by:        ").append(o.certificate().flatMap(DomainCertificate::managed)
                .map(m -> m ? "Twilio (Let's Encrypt)" : "you (uploaded certificate)").orElse("unknown")).append('\n');
        o.caa().ifPresent(c -> text.append("CAA for Let's Encrypt: ").append(c.kind()).append(" - ").append(c.detail()).append('\n'));
        o.live().ifPresent(l -> text.append("Served certificate: expires ").append(UTC.format(l.leafNotAfter()))
                .append(", SHA-256 ").append(l.leafFingerprintSha256()).append(l.verified() ? ", verified"
                        : ", NOT verified: " + l.verificationError().orElse("unknown reason")).append('\n'));
        o.dnsValid().ifPresent(v -> text.append("DNS at Twilio:     ").append(v ? "valid" : "INVALID")
                .append(o.dnsReason().filter(r -> !r.isBlank()).map(r -> " (" + r + ")").orElse("")).append('\n'));
        o.continueOnFailure().ifPresent(c -> text.append("ContinueOnFailure: ").append(c
                ? "enabled - if the certificate expires, messages go out with the original long links (more segments, more cost)"
                : "disabled - if the certificate expires, shortened links stop working (error 30102)").append('\n'));
        if (!o.failures().isEmpty()) {
            text.append("Checks that failed this run:\n");
            o.failures().forEach(f -> text.append("  - ").append(f.part()).append(": ").append(f.message()).append('\n'));
        }
        text.append('\n').append(steps(alarm)).append("\n\n");
        text.append("Twilio: ").append(alarm.type() == AlarmType.EXPIRED ? DOCS_30102 : DOCS_30131).append('\n');
        text.append("Link Shortening set-up: ").append(DOCS_ONBOARDING).append('\n');
        return text.toString();
    }

    private String steps(ScanAlarm alarm) {
        DomainObservation o = alarm.observation();
        return switch (alarm.type()) {
            case RESOLVED -> "Nothing to do.";
            case CONTINUE_ON_FAILURE -> "Advisory: keep the certificate renewed, or turn ContinueOnFailure off in the domain's "
                    + "Link Shortening configuration if failed messages are preferable to long links.";
            case LIVE_CERT_MISMATCH -> "What to do: the host serves a certificate Twilio does not report. Check that "
                    + o.host() + " resolves to Twilio (CNAME or A records from the Link Shortening set-up) and not to an "
                    + "old server or CDN, and that the latest upload finished validating.";
            case DNS_INVALID -> "What to do: point " + o.host() + " at Twilio as the Link Shortening set-up describes, then "
                    + "check ValidateDns again.";
            case CHECK_FAILED -> "What to do: certguard could not read this domain; see the failed checks above and the "
                    + "function's logs. Common causes: Twilio credentials revoked, domain SID removed, DNS or network failures.";
            case UPLOAD_REJECTED, VALIDATION_FAILED, VALIDATION_TIMEOUT -> throw notAScanAlarm(alarm);
            default -> remedySteps(alarm.remedy(), o);
        };
    }

    private static IllegalArgumentException notAScanAlarm(ScanAlarm alarm) {
        return new IllegalArgumentException(alarm.type() + " is an upload alarm, not a scan alarm");
    }

    private String remedySteps(Remedy remedy, DomainObservation o) {
        return switch (remedy) {
            case UPLOAD_REPLACEMENT -> "What to do (customer-managed certificate):\n"
                    + "  1. Obtain a renewed certificate issued for exactly " + o.host() + " (RSA 2048 or larger is the "
                    + "safe choice; Twilio's support for ECDSA keys is unconfirmed).\n"
                    + "  2. Make one PEM bundle: the server certificate, every intermediate CA certificate and the root CA "
                    + "certificate, then the private key as PKCS#8 (BEGIN PRIVATE KEY; convert with "
                    + "openssl pkcs8 -topk8 -nocrypt).\n"
                    + "  3. Check it: ./certguard check-bundle bundle.pem --domain " + o.host() + "\n"
                    + "  4. Store it as a new version of a secret named " + certificateSecretPrefix + "..." + " tagged "
                    + "certguard:domain-sid=" + o.sid() + ": certguard uploads it to Twilio and follows the validation.\n"
                    + "     (By hand: POST it as TlsCert to /v1/LinkShortening/Domains/" + o.sid() + "/Certificate, then "
                    + "GET it until cert_in_validation is null; allow about five minutes.)\n"
                    + "  5. Better: switch to a Twilio-managed certificate (RequestManagedCert), Twilio's preferred option.";
            case ALLOW_LETSENCRYPT_IN_CAA -> "What to do (Twilio-managed certificate): Twilio renews through Let's Encrypt, "
                    + "and the domain's CAA records do not allow it (" + o.caa().map(CaaStatus::detail).orElse("unknown")
                    + "). Add a CAA record such as:\n  " + o.host() + ". CAA 0 issue \"letsencrypt.org\"\n"
                    + "(at the name where the relevant CAA set lives), or fix the DNS error that hides the answer.";
            case RENEWAL_STUCK -> "What to do (Twilio-managed certificate): Twilio's renewal request has been in progress for "
                    + "more than a day. Check DNS (ValidateDns) and CAA, then contact Twilio support with the domain SID "
                    + o.sid() + ". Uploading your own certificate is the fallback.";
            case VALIDATION_IN_PROGRESS -> "A replacement certificate is being validated by Twilio (allow about five "
                    + "minutes). certguard follows it and reports when it is live or if validation fails.";
            case TWILIO_RENEWS -> "Twilio renews managed certificates automatically and nothing is known to block it; "
                    + "certguard keeps watching and escalates if the expiry gets closer.";
        };
    }
}
