package io.certguard.upload;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmText;
import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders alarms about one upload (rejected bundle, failed or slow validation, the new certificate live or not
 * served) for email, SMS and subscription filters. Certificate identities only: no key material, ever.
 */
public final class UploadAlarmRenderer {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String DOCS_30132 = "https://www.twilio.com/docs/api/errors/30132";

    public AlarmMessage render(AlarmType type, Severity severity, UploadRecord upload, String detail) {
        String host = upload.host().orElse(upload.domain().value());
        String summary = summary(type, upload);
        String tag = type.errorCode().equals("none") ? type.name() : type.errorCode();
        String subject = AlarmText.subject("[" + tag + " " + severity + "] " + AlarmText.host(host, 50) + " " + summary);
        StringBuilder email = new StringBuilder();
        email.append(host).append(": ").append(summary).append(".\n\n");
        email.append("Domain:            ").append(host).append('\n');
        email.append("Domain SID:        ").append(upload.domain()).append('\n');
        email.append("Secret:            ").append(upload.secretId()).append('\n');
        email.append("Secret version:    ").append(upload.versionId()).append('\n');
        upload.leafNotAfter().ifPresent(t -> email.append("New certificate:   expires ").append(UTC.format(t)).append('\n'));
        upload.leafFingerprint().ifPresent(f -> email.append("New leaf SHA-256:  ").append(f).append('\n'));
        upload.previousExpires().ifPresent(t -> email.append("Certificate before the upload: expires ").append(UTC.format(t))
                .append('\n'));
        email.append("Upload status:     ").append(upload.status()).append('\n');
        email.append("\nDetail: ").append(detail).append("\n\n");
        email.append(steps(type, upload)).append("\n\n");
        if (type == AlarmType.UPLOAD_REJECTED || type == AlarmType.VALIDATION_FAILED) {
            email.append("Twilio: ").append(DOCS_30132).append('\n');
        }
        String sms = AlarmText.sms(tag + " " + AlarmText.host(host, 40) + ": " + summary + ". " + smsAction(type));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("error_code", type.errorCode());
        attributes.put("alarm_type", type.name());
        attributes.put("severity", severity.name());
        attributes.put("domain", host);
        attributes.put("domain_sid", upload.domain().value());
        return new AlarmMessage(subject, subject + "\n\n" + email, email.toString(), sms, attributes);
    }

    /**
     * An UPLOAD_REJECTED alarm about a secret version that names no domain (or that vanished): the secret stands in
     * for the domain in the filter attributes.
     */
    public AlarmMessage renderUnresolved(String secretId, java.util.Optional<String> versionId, String reason) {
        String secret = AlarmText.host(secretId.substring(secretId.lastIndexOf(':') + 1), 50);
        String subject = AlarmText.subject("[30132 WARNING] certificate secret " + secret + " not uploaded");
        String email = "Certificate secret " + secretId + (versionId.map(v -> ", version " + v).orElse(""))
                + " was not uploaded to Twilio.\n\nDetail: " + reason + "\n\nWhat to do: tag the secret "
                + "certguard:domain-sid=DN... (or put \"domainSid\" in its JSON) so certguard knows which Link Shortening "
                + "domain it is for, then store the bundle again as a new version.\n\nTwilio: " + DOCS_30132 + "\n";
        String sms = AlarmText.sms("30132 secret " + AlarmText.host(secret, 60) + " not uploaded: no domain. Tag it.");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("error_code", AlarmType.UPLOAD_REJECTED.errorCode());
        attributes.put("alarm_type", AlarmType.UPLOAD_REJECTED.name());
        attributes.put("severity", Severity.WARNING.name());
        attributes.put("domain", secret);
        attributes.put("domain_sid", "unknown");
        return new AlarmMessage(subject, subject + "\n\n" + email, email, sms, attributes);
    }

    static String summary(AlarmType type, UploadRecord upload) {
        return switch (type) {
            case UPLOAD_REJECTED -> "replacement certificate not uploaded";
            case VALIDATION_FAILED -> "Twilio did not accept the uploaded certificate";
            case VALIDATION_TIMEOUT -> upload.status() == UploadStatus.GAVE_UP
                    ? "certificate validation never finished" : "certificate validation is slow";
            case LIVE_CERT_MISMATCH -> "new certificate validated but not served";
            case RESOLVED -> "certificate replaced, now expires " + upload.leafNotAfter().map(DAY::format).orElse("?");
            case CHECK_FAILED -> "upload validation could not be followed";
            default -> throw new IllegalArgumentException(type + " is not an upload alarm");
        };
    }

    private static String smsAction(AlarmType type) {
        return switch (type) {
            case UPLOAD_REJECTED, VALIDATION_FAILED -> "Fix the bundle, store a new version.";
            case VALIDATION_TIMEOUT -> "certguard keeps checking.";
            case LIVE_CERT_MISMATCH -> "Check DNS points at Twilio.";
            case RESOLVED -> "No action needed.";
            default -> "See the certguard logs.";
        };
    }

    private static String steps(AlarmType type, UploadRecord upload) {
        return switch (type) {
            case UPLOAD_REJECTED, VALIDATION_FAILED -> "What to do: fix the bundle as the detail says, check it with\n"
                    + "  ./certguard check-bundle bundle.pem --domain " + upload.host().orElse("<host>") + "\n"
                    + "and store it as a new version of the secret; certguard uploads it again. The current certificate "
                    + "stays in place meanwhile.";
            case VALIDATION_TIMEOUT -> upload.status() == UploadStatus.GAVE_UP
                    ? "What to do: ask Twilio support about the certificate in validation for domain " + upload.domain()
                            + "; certguard no longer follows this upload. Storing a new version starts over."
                    : "Nothing yet: Twilio says to allow about five minutes; certguard keeps checking, more slowly.";
            case LIVE_CERT_MISMATCH -> "What to do: Twilio has the new certificate but the host serves another one. Check "
                    + "that the host resolves to Twilio (the Link Shortening DNS set-up), not to an old server or CDN.";
            default -> "Nothing to do.";
        };
    }
}
