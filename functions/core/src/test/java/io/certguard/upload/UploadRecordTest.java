package io.certguard.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.domain.DomainSid;
import io.certguard.state.RecordKey;
import io.certguard.state.StateRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadRecordTest {

    private static final DomainSid SID = new DomainSid("DN" + "f".repeat(32));
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void roundTripsThroughTheStateTableForm_inTheDomainsPartition() {
        UploadRecord record = new UploadRecord(SID, "v-1", UploadStatus.VALIDATING, "arn:secret", Optional.of("links.example.com"),
                Optional.of(T.plusSeconds(86_400 * 90)), Optional.of("ab12"), Optional.of("0f"), Optional.of(T.plusSeconds(3600)),
                Optional.of(T), Optional.of(T.plusSeconds(300)), 2, 1, List.of("VALIDATION_TIMEOUT"), Optional.of("pending"), Optional.empty(),
                Optional.of(T.plusSeconds(60)));

        StateRecord stored = record.toStateRecord();

        assertThat(stored.key()).isEqualTo(new RecordKey("DOMAIN#" + SID, "UPLOAD#v-1"));
        assertThat(stored.pollAt()).contains(T.plusSeconds(60));
        assertThat(UploadRecord.fromStateRecord(stored)).isEqualTo(record);
        assertThat(record.alarmSent("VALIDATION_TIMEOUT")).isTrue();
    }

    @Test
    void onlyPolledStatusesMayBeInThePollIndex() {
        assertThatThrownBy(() -> new UploadRecord(SID, "v", UploadStatus.LIVE, "s", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, List.of(),
                Optional.empty(), Optional.empty(), Optional.of(T))).hasMessageContaining("not polled");
    }

    @Test
    void aMalformedRecordIsReportedByName() {
        StateRecord broken = StateRecord.fresh(UploadRecord.key(SID, "v"), Map.of("status", "EXPLODED", "secretId", "s"));
        assertThatThrownBy(() -> UploadRecord.fromStateRecord(broken))
                .hasMessageContaining("upload record DOMAIN#" + SID + "|UPLOAD#v is malformed");
    }
}
