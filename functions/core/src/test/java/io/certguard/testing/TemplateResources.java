package io.certguard.testing;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the emulator's table, topic and queue from the definitions in template.yaml, so the template and the code that
 * uses them cannot drift apart: a key or index renamed in one place and not the other fails the integration tests.
 */
public final class TemplateResources {

    private final SamTemplate template;

    public TemplateResources(SamTemplate template) {
        this.template = template;
    }

    public static TemplateResources fromProject() {
        return new TemplateResources(SamTemplate.load());
    }

    /** Creates {@code StateTable} as template.yaml defines it (keys, indexes, billing, TTL) under {@code tableName}. */
    @SuppressWarnings("unchecked")
    public void createStateTable(DynamoDbClient dynamoDb, String tableName) {
        Map<String, Object> table = template.properties("StateTable");
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.fromValue((String) table.get("BillingMode")))
                .attributeDefinitions(((List<Map<String, Object>>) table.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build())
                        .toList())
                .keySchema(keySchema((List<Map<String, Object>>) table.get("KeySchema")));
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) table.getOrDefault("GlobalSecondaryIndexes", List.of());
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes.stream().map(index -> GlobalSecondaryIndex.builder()
                    .indexName((String) index.get("IndexName"))
                    .keySchema(keySchema((List<Map<String, Object>>) index.get("KeySchema")))
                    .projection(Projection.builder().projectionType(
                            (String) ((Map<String, Object>) index.get("Projection")).get("ProjectionType")).build())
                    .build()).toList());
        }
        dynamoDb.createTable(request.build());
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        Map<String, Object> ttl = (Map<String, Object>) table.get("TimeToLiveSpecification");
        if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamoDb.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(
                    t -> t.attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
    }

    /** Creates {@code AlarmTopic} (a standard topic: FIFO topics cannot deliver email or SMS) and returns its ARN. */
    public String createAlarmTopic(SnsClient sns, String topicName) {
        Map<String, Object> topic = template.properties("AlarmTopic");
        if (Boolean.TRUE.equals(topic.get("FifoTopic"))) {
            throw new IllegalStateException("AlarmTopic must be a standard topic to deliver email and SMS");
        }
        // The KMS key itself is not emulated; the topic's other attributes are the template's.
        return sns.createTopic(b -> b.name(topicName)
                .attributes(Map.of("DisplayName", String.valueOf(topic.getOrDefault("DisplayName", topicName))))).topicArn();
    }

    /**
     * Creates {@code ScanBatchQueue} with its dead-letter queue as template.yaml defines them (visibility timeout,
     * retention, redrive after the template's receive count) and returns the queue's URL.
     */
    @SuppressWarnings("unchecked")
    public String createScanBatchQueue(SqsClient sqs, String queueName) {
        Map<String, Object> queue = template.properties("ScanBatchQueue");
        String dlqUrl = sqs.createQueue(b -> b.queueName(queueName + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, Object> redrive = (Map<String, Object>) queue.get("RedrivePolicy");
        return sqs.createQueue(b -> b.queueName(queueName).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(queue.get("VisibilityTimeout")),
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(queue.get("MessageRetentionPeriod")),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":"
                        + redrive.get("maxReceiveCount") + "}"))).queueUrl();
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        return elements.stream().map(k -> KeySchemaElement.builder()
                .attributeName((String) k.get("AttributeName"))
                .keyType((String) k.get("KeyType")).build()).toList();
    }
}
