package io.certguard.validation;

import io.certguard.upload.UploadStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one validation poll did: how many uploads were due, where each ended, the alarms sent, and the uploads that
 * could not be processed (with why; never dropped silently).
 */
public record PollSummary(int due, Map<UploadStatus, Integer> statuses, int alarmsPublished, int alarmsPending,
        List<String> problems) {

    public PollSummary {
        statuses = Map.copyOf(statuses);
        problems = List.copyOf(problems);
    }

    public static PollSummary nothingDue() {
        return new PollSummary(0, Map.of(), 0, 0, List.of());
    }

    public int count(UploadStatus status) {
        return statuses.getOrDefault(status, 0);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", "validation_poll_finished");
        json.put("due", due);
        json.put("pending", count(UploadStatus.VALIDATING));
        json.put("validated", count(UploadStatus.VALIDATED));
        json.put("live", count(UploadStatus.LIVE));
        json.put("failed", count(UploadStatus.FAILED) + count(UploadStatus.REJECTED_BY_TWILIO)
                + count(UploadStatus.LIVE_MISMATCH));
        json.put("timedOut", count(UploadStatus.GAVE_UP));
        json.put("alarmsPublished", alarmsPublished);
        json.put("alarmsPending", alarmsPending);
        if (!problems.isEmpty()) {
            json.put("problems", problems);
        }
        return json;
    }

    static Map<UploadStatus, Integer> tally(List<UploadStatus> statuses) {
        Map<UploadStatus, Integer> counts = new EnumMap<>(UploadStatus.class);
        statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }
}
