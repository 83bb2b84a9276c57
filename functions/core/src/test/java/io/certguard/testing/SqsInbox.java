package io.certguard.testing;

import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An SQS queue subscribed to an SNS topic, to read back what was published (the SNS envelopes). */
public final class SqsInbox {

    private final SqsClient sqs;
    private final String queueUrl;

    private SqsInbox(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public static SqsInbox subscribe(SqsClient sqs, SnsClient sns, String topicArn) {
        String url = sqs.createQueue(b -> b.queueName(AwsEmulator.uniqueName("inbox"))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        return new SqsInbox(sqs, url);
    }

    /** Every envelope waiting now (waits up to a second for the first), removed from the queue. */
    public List<JsonObject> drain() {
        List<JsonObject> envelopes = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(envelopes.isEmpty() ? 1 : 0)).messages();
            if (batch.isEmpty()) {
                return envelopes;
            }
            for (Message m : batch) {
                envelopes.add(Json.parseObject(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** The subjects of {@link #drain()}, in arrival order (SQS standard queues may reorder; sort when it matters). */
    public List<String> subjects() {
        return drain().stream().map(e -> e.string("Subject")).toList();
    }

    /** A message attribute's value from an envelope. */
    public static String attribute(JsonObject envelope, String name) {
        Object attributes = envelope.asMap().get("MessageAttributes");
        return JsonObject.of((Map<?, ?>) attributes).object(name).string("Value");
    }
}
