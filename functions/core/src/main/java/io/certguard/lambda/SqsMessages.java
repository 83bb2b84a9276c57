package io.certguard.lambda;

import io.certguard.json.JsonFormatException;
import io.certguard.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages of an SQS event as Lambda's event source mapping delivers them ({@code Records[].messageId},
 * {@code body}, {@code eventSource = "aws:sqs"}; AWS Lambda Developer Guide, "Using Lambda with Amazon SQS"), and
 * the partial-batch response that names the ones to deliver again ({@code batchItemFailures}, which needs
 * {@code ReportBatchItemFailures} on the mapping).
 */
public final class SqsMessages {

    private static final String SOURCE = "aws:sqs";

    private SqsMessages() {
    }

    /** One queue message. */
    public record Message(String messageId, String body) {
    }

    /**
     * The messages, when {@code event} is an SQS event; empty for any other event.
     *
     * @throws InvalidEventException when it claims to come from SQS but a record lacks its id or body
     */
    public static Optional<List<Message>> from(JsonObject event) {
        Optional<List<Object>> records;
        try {
            records = event.optionalArray("Records");
        } catch (JsonFormatException e) {
            return Optional.empty(); // not shaped like a Lambda records event at all
        }
        if (records.isEmpty() || records.get().isEmpty() || !fromSqs(records.get().getFirst())) {
            return Optional.empty();
        }
        List<Message> messages = new ArrayList<>(records.get().size());
        for (Object record : records.get()) {
            if (!fromSqs(record)) {
                throw new InvalidEventException("SQS event mixes records from another source");
            }
            try {
                JsonObject json = JsonObject.of((Map<?, ?>) record);
                messages.add(new Message(json.string("messageId"), json.string("body")));
            } catch (JsonFormatException e) {
                throw new InvalidEventException("SQS record is malformed: " + e.getMessage());
            }
        }
        return Optional.of(messages);
    }

    private static boolean fromSqs(Object record) {
        return record instanceof Map<?, ?> map && SOURCE.equals(map.get("eventSource"));
    }

    /** The response asking Lambda to deliver {@code failedIds} again (and only those). */
    public static Map<String, Object> batchResponse(List<String> failedIds) {
        return Map.of("batchItemFailures", failedIds.stream().map(id -> Map.of("itemIdentifier", id)).toList());
    }
}
