package io.certguard.scan;

import java.util.List;

/** Where a scan run hands batches of domains to further invocations of the scan function (an SQS queue). */
public interface ScanBatchQueue {

    /**
     * Sends every batch, or throws.
     *
     * @throws ScanQueueException when some batch could not be sent after bounded retries; the message says how many
     */
    void send(List<ScanBatch> batches);
}
