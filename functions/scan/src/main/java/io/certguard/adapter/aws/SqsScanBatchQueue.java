package io.certguard.adapter.aws;

import io.certguard.scan.ScanBatch;
import io.certguard.scan.ScanBatchQueue;
import io.certguard.scan.ScanQueueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends scan batches to the scan queue with SendMessageBatch (at most 10 entries per request, the SQS limit). Entries
 * SQS reports as failed are sent again, at most {@value #ATTEMPTS} times in all; the client itself retries throttling
 * and 5xx within its bounded standard retry mode.
 */
public final class SqsScanBatchQueue implements ScanBatchQueue {

    private static final int ENTRIES_PER_REQUEST = 10;
    private static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsScanBatchQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public void send(List<ScanBatch> batches) {
        List<ScanBatch> unsent = new ArrayList<>();
        TreeSet<String> reasons = new TreeSet<>();
        for (int from = 0; from < batches.size(); from += ENTRIES_PER_REQUEST) {
            List<ScanBatch> group = batches.subList(from, Math.min(batches.size(), from + ENTRIES_PER_REQUEST));
            unsent.addAll(sendGroup(group, reasons));
        }
        if (!unsent.isEmpty()) {
            throw new ScanQueueException(unsent.size() + " of " + batches.size() + " scan batches could not be queued ("
                    + String.join(", ", reasons) + ")", null);
        }
    }

    /** Sends one group of up to 10, again for the entries that failed; returns the ones still unsent. */
    private List<ScanBatch> sendGroup(List<ScanBatch> group, TreeSet<String> reasons) {
        List<ScanBatch> pending = group;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(pending.get(i).toJson()).build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                throw new ScanQueueException("the scan queue could not be reached: " + e.getMessage(), e);
            }
            List<ScanBatch> failed = new ArrayList<>();
            for (BatchResultErrorEntry error : response.failed()) {
                failed.add(pending.get(Integer.parseInt(error.id())));
                reasons.add(error.code());
            }
            pending = failed;
        }
        return pending;
    }
}
