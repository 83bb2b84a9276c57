package io.certguard.upload;

import io.certguard.alarm.AlarmOutbox;
import io.certguard.bundle.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What one upload run did with one bundle version. Certificate identities only; never key material. */
public sealed interface UploadOutcome {

    /** A short name for logs and results: uploaded, already_present, rejected, duplicate, ignored, unresolved. */
    String kind();

    /** For the log line and the function's result. */
    Map<String, Object> toJson();

    /** Alarms decided but not published (kept in the upload record's outbox; the next delivery publishes them). */
    default int alarmsPending() {
        return 0;
    }

    /** Posted to Twilio (or found already posted) and recorded VALIDATING: the validation poll follows it. */
    record Uploaded(UploadRecord upload, List<Finding> findings, boolean posted) implements UploadOutcome {
        public Uploaded {
            Objects.requireNonNull(upload, "upload");
            findings = List.copyOf(findings);
        }

        @Override
        public String kind() {
            return "uploaded";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = JsonShapes.of(this, upload);
            json.put("posted", posted);
            JsonShapes.findings(json, findings);
            return json;
        }
    }

    /** Twilio already has this certificate: recorded ALREADY_PRESENT, nothing posted. */
    record AlreadyPresent(UploadRecord upload, List<Finding> findings) implements UploadOutcome {
        public AlreadyPresent {
            Objects.requireNonNull(upload, "upload");
            findings = List.copyOf(findings);
        }

        @Override
        public String kind() {
            return "already_present";
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = JsonShapes.of(this, upload);
            JsonShapes.findings(json, findings);
            return json;
        }
    }

    /** Not uploaded: the bundle failed validation (REJECTED) or Twilio refused it (REJECTED_BY_API); alarmed. */
    record Rejected(UploadRecord upload, List<Finding> findings, AlarmOutbox.Delivery delivery) implements UploadOutcome {
        public Rejected {
            Objects.requireNonNull(upload, "upload");
            findings = List.copyOf(findings);
            Objects.requireNonNull(delivery, "delivery");
        }

        @Override
        public String kind() {
            return "rejected";
        }

        @Override
        public int alarmsPending() {
            return delivery.kept();
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = JsonShapes.of(this, upload);
            JsonShapes.findings(json, findings);
            json.put("alarmsPublished", delivery.published());
            json.put("alarmsPending", delivery.kept());
            if (!delivery.problems().isEmpty()) {
                json.put("problems", delivery.problems());
            }
            return json;
        }
    }

    /**
     * Another delivery of a version already claimed (in progress elsewhere) or done: nothing was done again, except
     * publishing alarms an earlier run left in the record's outbox.
     */
    record Duplicate(UploadRecord existing, AlarmOutbox.Delivery delivery) implements UploadOutcome {
        public Duplicate {
            Objects.requireNonNull(existing, "existing");
            Objects.requireNonNull(delivery, "delivery");
        }

        @Override
        public String kind() {
            return "duplicate";
        }

        @Override
        public int alarmsPending() {
            return delivery.kept();
        }

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = JsonShapes.of(this, existing);
            if (delivery.published() + delivery.kept() > 0) {
                json.put("alarmsPublished", delivery.published());
                json.put("alarmsPending", delivery.kept());
            }
            return json;
        }
    }

    /** Not certguard's to upload (outside the prefix, or an AWSPENDING version the rotation uploads). */
    record Ignored(String secretId, Optional<String> versionId, String reason) implements UploadOutcome {
        public Ignored {
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(versionId, "versionId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "ignored";
        }

        @Override
        public Map<String, Object> toJson() {
            return JsonShapes.of(kind(), secretId, versionId, reason);
        }
    }

    /**
     * Cannot be uploaded: the secret names no domain, or the secret or version is gone. Alarmed once per secret
     * version (UPLOAD_REJECTED, keyed on the secret since no domain is known); retrying cannot help.
     *
     * @param alarmsPending the alarm about it, when its publish failed (the retry publishes it)
     */
    record Unresolved(String secretId, Optional<String> versionId, String reason, int alarmsPending)
            implements UploadOutcome {
        public Unresolved {
            Objects.requireNonNull(secretId, "secretId");
            Objects.requireNonNull(versionId, "versionId");
            Objects.requireNonNull(reason, "reason");
        }

        public Unresolved(String secretId, Optional<String> versionId, String reason) {
            this(secretId, versionId, reason, 0);
        }

        public Unresolved withAlarmsPending(int pending) {
            return new Unresolved(secretId, versionId, reason, pending);
        }

        @Override
        public String kind() {
            return "unresolved";
        }

        @Override
        public Map<String, Object> toJson() {
            return JsonShapes.of(kind(), secretId, versionId, reason);
        }
    }

    /** The JSON shapes shared by the outcomes. */
    final class JsonShapes {
        private JsonShapes() {
        }

        static Map<String, Object> of(UploadOutcome outcome, UploadRecord upload) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("outcome", outcome.kind());
            json.put("secret", upload.secretId());
            json.put("version", upload.versionId());
            json.put("domain", upload.domain().value());
            upload.host().ifPresent(h -> json.put("host", h));
            json.put("status", upload.status().name());
            upload.leafNotAfter().ifPresent(t -> json.put("leafNotAfter", t.toString()));
            upload.leafFingerprint().ifPresent(f -> json.put("leafSha256", f));
            upload.leafSerial().ifPresent(s -> json.put("leafSerial", s));
            upload.previousExpires().ifPresent(t -> json.put("twilioExpiresBefore", t.toString()));
            upload.detail().ifPresent(d -> json.put("detail", d));
            return json;
        }

        static Map<String, Object> of(String kind, String secretId, Optional<String> versionId, String reason) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("outcome", kind);
            json.put("secret", secretId);
            versionId.ifPresent(v -> json.put("version", v));
            json.put("reason", reason);
            return json;
        }

        static void findings(Map<String, Object> json, List<Finding> findings) {
            if (!findings.isEmpty()) {
                json.put("findings", findings.stream().map(f -> f.severity() + " " + f.code()).toList());
            }
        }
    }
}
