package io.certguard.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certguard.alarm.AlarmMessage;
import io.certguard.alarm.AlarmPublishException;
import io.certguard.json.Json;
import io.certguard.json.JsonObject;
import io.certguard.testing.AwsEmulator;
import io.certguard.testing.TemplateResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(AwsEmulator.class)
class SnsAlarmPublisherIntegrationTest {

    private static AwsClients aws;
    private static SqsClient sqs;
    private static String topicArn;
    private static String queueUrl;

    @BeforeAll
    static void topicWithAQueueSubscribed(AwsClients clients, SqsClient sqsClient) {
        aws = clients;
        sqs = sqsClient;
        topicArn = TemplateResources.fromProject().createAlarmTopic(aws.sns(), AwsEmulator.uniqueName("alarms"));
        queueUrl = sqs.createQueue(b -> b.queueName(AwsEmulator.uniqueName("alarms-inbox"))).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    }

    @Test
    void publish_sendsTheDefaultTextSubjectAndFilterAttributes() {
        AlarmMessage alarm = new AlarmMessage(
                "[30131 WARNING] links.example.com certificate expires in 14 days",
                "links.example.com (DN…) certificate expires 2026-12-11T10:00:00Z, in 14 days.",
                "Full email text\nwith the remedy steps.",
                "30131 links.example.com cert expires in 14d. Upload a replacement.",
                Map.of("error_code", "30131", "alarm_type", "EXPIRING", "severity", "WARNING",
                        "domain", "links.example.com", "domain_sid", "DN" + "a".repeat(32)));

        String messageId = new SnsAlarmPublisher(aws.sns(), topicArn).publish(alarm);

        JsonObject envelope = Json.parseObject(receiveOne().body());
        assertThat(messageId).isNotBlank();
        assertThat(envelope.string("MessageId")).isEqualTo(messageId);
        assertThat(envelope.string("Subject")).isEqualTo(alarm.subject());
        assertThat(envelope.string("Message")).isEqualTo(alarm.defaultText()); // SQS gets "default"
        JsonObject attributes = envelope.object("MessageAttributes");
        assertThat(attributes.object("error_code").string("Value")).isEqualTo("30131");
        assertThat(attributes.object("alarm_type").string("Value")).isEqualTo("EXPIRING");
        assertThat(attributes.object("severity").string("Value")).isEqualTo("WARNING");
        assertThat(attributes.object("domain_sid").string("Value")).isEqualTo("DN" + "a".repeat(32));
    }

    @Test
    void publish_toAMissingTopic_isAnAlarmPublishException() {
        String missing = topicArn.substring(0, topicArn.lastIndexOf(':') + 1) + "no-such-topic";
        AlarmMessage alarm = new AlarmMessage("[TEST] subject", "text", "email", "sms", Map.of("severity", "INFO"));

        assertThatThrownBy(() -> new SnsAlarmPublisher(aws.sns(), missing).publish(alarm))
                .isInstanceOf(AlarmPublishException.class)
                .hasMessageContaining("no-such-topic")
                .hasMessageContaining("not published");
    }

    private Message receiveOne() {
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 10 && received.isEmpty(); i++) {
            received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(1)).messages());
        }
        assertThat(received).as("a message delivered to the subscribed queue").hasSize(1);
        Message message = received.get(0);
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        return message;
    }
}
