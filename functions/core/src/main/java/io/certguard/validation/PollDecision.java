package io.certguard.validation;

import io.certguard.upload.UploadRecord;
import java.util.List;
import java.util.Objects;

/** The upload as it should be stored after one poll, and the alarms to send (already marked in it). */
public record PollDecision(UploadRecord upload, List<PollAlarm> alarms) {

    public PollDecision {
        Objects.requireNonNull(upload, "upload");
        alarms = List.copyOf(alarms);
    }
}
