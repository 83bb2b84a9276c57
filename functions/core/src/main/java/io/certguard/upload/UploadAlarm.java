package io.certguard.upload;

import io.certguard.alarm.AlarmType;
import io.certguard.alarm.Severity;
import java.util.Objects;

/** An alarm the upload decided, rendered with the decided upload record. {@code detail} never holds key material. */
public record UploadAlarm(AlarmType type, Severity severity, String detail) {

    public UploadAlarm {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(detail, "detail");
    }
}
