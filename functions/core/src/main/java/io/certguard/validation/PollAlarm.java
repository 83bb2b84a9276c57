package io.certguard.validation;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import io.certguard.upload.UploadRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * An alarm about an upload, decided by the validation poll.
 *
 * @param upload   the upload as recorded after the decision
 * @param dedupKey recorded in the upload's {@code alarmsSent} so it is sent once
 * @param detail   what Twilio or the host showed (the status as Twilio gave it, the served fingerprint …)
 */
public record PollAlarm(AlarmType type, Severity severity, UploadRecord upload, String dedupKey, Optional<String> detail) {

    public PollAlarm {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(detail, "detail");
    }
}
