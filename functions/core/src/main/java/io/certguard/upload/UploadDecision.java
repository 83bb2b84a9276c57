package io.certguard.upload;

import io.certguard.bundle.BundleReport;
import io.certguard.bundle.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What to do with a claimed bundle version: post it to Twilio, or record an outcome without posting. */
public sealed interface UploadDecision {

    /** The bundle is valid and new to Twilio: post {@code report.payload()}, then record {@link UploadPolicy#uploaded}. */
    record Post(String host, BundleReport.Uploadable report) implements UploadDecision {
        public Post {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(report, "report");
        }
    }

    /** Nothing to post: record {@code upload} (ALREADY_PRESENT, REJECTED, …) and send {@code alarm} if any. */
    record Settle(UploadRecord upload, List<Finding> findings, Optional<UploadAlarm> alarm) implements UploadDecision {
        public Settle {
            Objects.requireNonNull(upload, "upload");
            findings = List.copyOf(findings);
            Objects.requireNonNull(alarm, "alarm");
        }
    }
}
